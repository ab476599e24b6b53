import type { LiveView } from "../../src/site/view.ts";

/** "Live", before a live story's headline or section; its dot stops for readers who ask for reduced motion (site.css). */
export function LiveLabel() {
  return <span class="live-label">Live</span>;
}

/**
 * What a live page says of its coverage under the byline: that updates are
 * newest first and in which zone their times are, when the latest came,
 * and once `live_until` has passed, that the coverage has ended.
 */
export function LiveCoverage({ coverage, attributes }: { coverage: LiveView | undefined; attributes: { lang?: string; dir?: "ltr" | "rtl" } }) {
  if (coverage === undefined) return null;
  return (
    <p class="live-coverage" {...attributes}>
      {coverage.running ? (
        <>
          Latest updates first. All times {coverage.zone}.
          {coverage.latest === undefined ? null : (
            <>
              {" "}
              Last updated <time datetime={coverage.latest.iso}>{coverage.latest.dayTime}</time>.
            </>
          )}
        </>
      ) : (
        <>
          This live coverage has ended
          {coverage.until === undefined ? null : (
            <>
              {" "}
              (<time datetime={coverage.until.iso}>{coverage.until.dayTime}</time>)
            </>
          )}
          . Latest updates first. All times {coverage.zone}.
        </>
      )}
    </p>
  );
}
