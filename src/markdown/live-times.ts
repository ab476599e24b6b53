import { type Moment, parseDate, zoneOffset } from "../content/dates.ts";

/**
 * The times of a live article's updates, as editors write them at the head
 * of each update: `14:05` (or `14.05`), on the day of the update below it,
 * or with its day when it is another: `00:15 4 December`, `09:00 2 January
 * 2027`. Whatever follows the time is the update's title.
 */

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const WRITTEN = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)(?:\s+(\d{1,2})\s+([A-Za-z]+)(?:\s+(\d{4}))?)?(?=\s|$)\s*(?:[–—:-]\s+|[–—:-]$)?/;

/** A calendar day in the site's time zone. */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface WrittenTime {
  readonly hour: number;
  readonly minute: number;
  /** Undefined for a time alone. */
  readonly day: { readonly day: number; readonly month: number; readonly year: number | undefined } | undefined;
  /** How many characters of the heading's first text the time takes (the rest is its title). */
  readonly length: number;
}

/** The time at the start of a heading's first text, or undefined when it does not start with one (or names no real day). */
export function writtenTime(text: string): WrittenTime | undefined {
  const m = WRITTEN.exec(text);
  if (m === null) return undefined;
  const [whole, hour, minute, day, monthName, year] = m;
  let written: WrittenTime["day"];
  if (day !== undefined && monthName !== undefined) {
    const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
    if (month === 0) return undefined;
    written = { day: Number(day), month, year: year === undefined ? undefined : Number(year) };
  }
  return { hour: Number(hour), minute: Number(minute), day: written, length: whole.length };
}

/** The day `moment` falls on in `zone`. */
export function dayIn(zone: string, moment: Moment): Day {
  const local = new Date(moment.epoch + zoneOffset(zone, moment.epoch) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * The moment of a written time, in `zone`: on its own day when it names one
 * (in the year of `below`'s day, or the next when its month is earlier:
 * coverage running into January), else on `below`. Undefined for a day that
 * does not exist (31 November).
 */
export function momentOf(time: WrittenTime, below: Day, zone: string): { moment: Moment; day: Day } | undefined {
  const day: Day =
    time.day === undefined
      ? below
      : { year: time.day.year ?? (time.day.month < below.month ? below.year + 1 : below.year), month: time.day.month, day: time.day.day };
  const parsed = parseDate(`${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(time.hour)}:${pad(time.minute)}`, zone);
  return parsed.ok ? { moment: parsed.moment, day } : undefined;
}

const MONTH_NAMES = MONTHS.map((m) => `${m[0]?.toUpperCase()}${m.slice(1)}`);

/** What the page shows of an update's time: `14:05`, with its day when that is not the article's: `00:15, 4 December`. */
export function shownTime(time: WrittenTime, day: Day, articleDay: Day): string {
  const clock = `${pad(time.hour)}:${pad(time.minute)}`;
  const same = day.year === articleDay.year && day.month === articleDay.month && day.day === articleDay.day;
  if (same) return clock;
  return `${clock}, ${day.day} ${MONTH_NAMES[day.month - 1]}${day.year === articleDay.year ? "" : ` ${day.year}`}`;
}

/** The update's anchor, the same every build: `update-1405`, or `update-1204-0015` on another day than the article's. */
export function anchorOf(time: WrittenTime, day: Day, articleDay: Day): string {
  const clock = `${pad(time.hour)}${pad(time.minute)}`;
  const same = day.year === articleDay.year && day.month === articleDay.month && day.day === articleDay.day;
  return same ? `update-${clock}` : `update-${day.year === articleDay.year ? "" : day.year}${pad(day.month)}${pad(day.day)}-${clock}`;
}
