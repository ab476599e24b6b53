import { toIso } from "../content/dates.ts";
import { visibleText } from "../diagnostics/visible-text.ts";
import type { Scheduled } from "../site/schedule.ts";

/** The one line a build ends with, in CI as on a terminal: counts, warnings, time. */
export function builtLine(facts: {
  readonly articles: number;
  readonly pages: number;
  readonly outDir: string;
  readonly seconds: number;
  readonly warnings: number;
}): string {
  const warnings = facts.warnings > 0 ? `, ${facts.warnings} warning${facts.warnings === 1 ? "" : "s"}` : "";
  return `Built ${facts.articles} articles (${facts.pages} pages) into ${facts.outDir}/ in ${facts.seconds.toFixed(1)} s${warnings}.`;
}

/**
 * When the site next changes on its own (an article due, taken down, ending
 * its live coverage or strip), in the offset its editor wrote, so a CI cron
 * (or a person) knows when to build again. Nothing when none is waiting.
 */
export function nextScheduledLine(next: Scheduled | undefined): string | undefined {
  if (next === undefined) return undefined;
  const utc = new Date(next.date.epoch).toISOString().replace(/\.000Z$/, "Z");
  return `Next scheduled: ${toIso(next.date)} (${utc}), ${visibleText(next.file)}: build again then to ${next.action ?? "publish it"}.`;
}
