import type { Moment } from "../content/dates.ts";
import type { FrontMatter } from "../content/schema.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { directionOf } from "../text/display.ts";
import { displayTitle } from "./display-text.ts";
import { byCode, type Placed } from "./placing.ts";
import type { BreakingView, TimeView } from "./view.ts";

/** How long a strip stays without `breaking_until`: a breaking story is news for an afternoon, then it is a story. */
export const BREAKING_HOURS = 3;

/** When the strip began: the article's update, else its publication (a story breaking again is re-dated by `updated`). */
function breakingSince(fm: FrontMatter): Moment {
  return fm.updated ?? fm.date;
}

/** When an article's strip goes, or undefined if it has none. */
export function breakingUntil(fm: FrontMatter): Moment | undefined {
  if (fm.breaking === undefined || fm.breaking === false) return undefined;
  if (fm.breaking_until !== undefined) return fm.breaking_until;
  const since = breakingSince(fm);
  return { epoch: since.epoch + BREAKING_HOURS * 3_600_000, offset: since.offset };
}

/**
 * The one breaking strip every page shows as of `now`: of the published
 * articles whose strip has not ended, the newest (ties by slug); each other
 * one is told, at its `breaking` field, which strip is shown instead.
 */
export function breakingStrip(
  published: readonly Placed[],
  config: SiteConfig,
  now: number,
  time: (moment: Moment) => TimeView,
): { readonly strip: BreakingView | undefined; readonly diagnostics: Diagnostic[] } {
  const live = published
    .filter((p) => (breakingUntil(p.article.frontMatter)?.epoch ?? Number.NEGATIVE_INFINITY) > now)
    .sort((a, b) => breakingSince(b.article.frontMatter).epoch - breakingSince(a.article.frontMatter).epoch || byCode(a.article.slug, b.article.slug));
  const [shown, ...others] = live;
  if (shown === undefined) return { strip: undefined, diagnostics: [] };
  const fm = shown.article.frontMatter;
  const diagnostics = others.map((p) =>
    diagnose("breaking-several", p.article.file.display, p.article.locate(["breaking"]), {
      shown: shown.article.file.display,
      until: time(breakingUntil(p.article.frontMatter) as Moment).dayTime,
    }),
  );
  const lang = fm.lang ?? config.language;
  return {
    strip: {
      text: displayTitle(typeof fm.breaking === "string" ? fm.breaking : fm.title),
      url: shown.url,
      lang,
      dir: directionOf(lang),
    },
    diagnostics,
  };
}
