import type { Moment } from "../content/dates.ts";
import type { LoadedArticle } from "../load/load-article.ts";

/** The next article to go live, so a scheduled CI build can run when it is due. */
export interface Scheduled {
  /** The file, as the editor knows it. */
  readonly file: string;
  readonly date: Moment;
}

/**
 * The earliest article dated after `now` that is not a draft (drafts never go
 * live on their own). Ties by file path, so the answer is the same every run.
 */
export function nextScheduled(articles: readonly LoadedArticle[], now: number): Scheduled | undefined {
  let next: Scheduled | undefined;
  for (const article of articles) {
    const { date, draft } = article.frontMatter;
    if (draft === true || date.epoch <= now) continue;
    const file = article.file.display;
    if (next === undefined || date.epoch < next.date.epoch || (date.epoch === next.date.epoch && file < next.file)) next = { file, date };
  }
  return next;
}
