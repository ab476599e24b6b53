import type { BreakingView } from "../../src/site/view.ts";

/**
 * The breaking-news strip under the masthead of every page, linking the
 * story: a labelled region, so screen-reader users find it among the
 * landmarks. No script; its one movement (the dot) stops for readers who
 * ask for reduced motion (site.css).
 */
export function BreakingStrip({ strip, attributes }: { strip: BreakingView | undefined; attributes: { lang?: string; dir?: "ltr" | "rtl" } }) {
  if (strip === undefined) return null;
  return (
    <section class="breaking" aria-label="Breaking news" {...attributes}>
      <p class="breaking-inner">
        <a href={strip.url}>
          <strong class="breaking-label">Breaking</strong>{" "}
          <span class="breaking-text" lang={strip.lang} dir={strip.dir}>
            {strip.text}
          </span>
        </a>
      </p>
    </section>
  );
}
