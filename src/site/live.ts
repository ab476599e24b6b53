import { formatOffset, type Moment, toIso, zoneOffset } from "../content/dates.ts";
import type { FrontMatter } from "../content/schema.ts";
import type { SiteConfig } from "../content/site-config.ts";
import type { LiveUpdate } from "../markdown/remark-live-updates.ts";
import type { ArticleCard, LiveView, TimeView } from "./view.ts";

/**
 * Live coverage (`live: true`): the article is live from its `date` until
 * `live_until` (for as long as it is published, without one), as of the
 * build's moment; its updates were found in its body (remark-live-updates.ts).
 */
export function isLive(fm: FrontMatter, now: number): boolean {
  return fm.live === true && (fm.live_until === undefined || now < fm.live_until.epoch);
}

/** A card marked Live while its coverage runs: every list and sidebar showing it changes when it ends. */
export function withLive(card: ArticleCard, fm: FrontMatter, now: number): ArticleCard {
  return isLive(fm, now) ? { ...card, live: true } : card;
}

/** What a live article's page says of its coverage, or undefined for an article that is not live. */
export function liveView(
  fm: FrontMatter,
  updates: readonly LiveUpdate[] | undefined,
  config: SiteConfig,
  now: number,
  time: (moment: Moment) => TimeView,
): LiveView | undefined {
  if (fm.live !== true) return undefined;
  const latest = updates?.[0];
  return {
    running: isLive(fm, now),
    until: fm.live_until === undefined ? undefined : time(fm.live_until),
    updates: updates?.length ?? 0,
    latest: latest === undefined ? undefined : time({ epoch: latest.epoch, offset: zoneOffset(config.timezone, latest.epoch) }),
    zone: config.timezoneLabel ?? `UTC${formatOffset(zoneOffset(config.timezone, fm.date.epoch))}`,
  };
}

/**
 * What makes a live article's structured data a `LiveBlogPosting`: its
 * coverage's start (the article's date) and end (`live_until`), and each
 * update as a `BlogPosting` with its time, anchor and first words.
 */
export function liveBlogFields(
  fm: FrontMatter,
  updates: readonly LiveUpdate[],
  page: { readonly url: string; readonly headline: string; readonly modified: Moment },
): Record<string, unknown> {
  const latest = updates[0];
  return {
    "@type": "LiveBlogPosting",
    // A NewsArticle's property, which a LiveBlogPosting does not have.
    dateline: undefined,
    // The latest update changes the page, as an `updated` would.
    ...(latest !== undefined && latest.epoch > page.modified.epoch ? { dateModified: latest.iso } : {}),
    coverageStartTime: toIso(fm.date),
    coverageEndTime: fm.live_until === undefined ? undefined : toIso(fm.live_until),
    liveBlogUpdate: updates.map((u) => ({
      "@type": "BlogPosting",
      headline: u.title === "" ? page.headline : u.title,
      datePublished: u.iso,
      url: `${page.url}#${u.id}`,
      articleBody: u.text === "" ? undefined : u.text,
    })),
  };
}
