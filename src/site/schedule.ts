import type { Moment } from "../content/dates.ts";
import type { LoadedArticle } from "../load/load-article.ts";
import { breakingUntil } from "./breaking.ts";
import { pinEnds } from "./fronts.ts";

/** The next moment the site changes on its own, so a scheduled CI build can run when it is due. */
export interface Scheduled {
  /** The file, as the editor knows it. */
  readonly file: string;
  readonly date: Moment;
  /** What a build then does to it, in words after "build again then to": `publish it` when not given. */
  readonly action?: string;
}

/**
 * The earliest moment after `now` at which an article that is not a draft
 * (drafts never change on their own) goes live, is taken down, ends its
 * live coverage, its breaking strip or its place on the fronts (`pin_until`). Ties by file path, then by what
 * happens, so the answer is the same every run.
 */
export function nextScheduled(articles: readonly LoadedArticle[], now: number): Scheduled | undefined {
  let next: Scheduled | undefined;
  const consider = (file: string, date: Moment | undefined, action: string): void => {
    if (date === undefined || date.epoch <= now) return;
    if (next === undefined || date.epoch < next.date.epoch || (date.epoch === next.date.epoch && file < next.file)) {
      next = action === "publish it" ? { file, date } : { file, date, action };
    }
  };
  for (const article of articles) {
    const fm = article.frontMatter;
    if (fm.draft === true) continue;
    const file = article.file.display;
    consider(file, fm.date, "publish it");
    // Past its take-down nothing else of it happens.
    if (fm.expires !== undefined && fm.expires.epoch <= now) continue;
    consider(file, fm.expires, "take it down");
    if (fm.live === true) consider(file, fm.live_until, "end its live coverage");
    consider(file, breakingUntil(fm), "end its breaking strip");
    consider(file, pinEnds(fm), "end its pin on the fronts");
  }
  return next;
}
