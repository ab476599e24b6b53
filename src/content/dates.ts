/**
 * Strict ISO 8601 date-times. YAML 1.2 hands dates to us as strings, and we
 * check them ourselves rather than through `Date.parse`, which rolls
 * `2024-02-30` over to March and reads an offset-less time in the machine's zone.
 */

/** A moment as the editor wrote it: the instant, and the offset it was written in. */
export interface Moment {
  /** Milliseconds since the epoch. */
  readonly epoch: number;
  /** Minutes east of UTC in which the editor wrote the time; pages show this local time. */
  readonly offset: number;
}

export type DateParse = { readonly ok: true; readonly moment: Moment; readonly hadOffset: boolean } | { readonly ok: false; readonly problem: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Offset in minutes of an IANA zone at a UTC instant, from the platform's tz database. */
export function zoneOffset(zone: string, epoch: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(epoch));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(epoch / 1000) * 1000) / 60000);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parse `value` strictly. A value without an offset is read as wall time in
 * `zone` (the site's time zone) and flagged, so the caller can warn.
 */
export function parseDate(value: string, zone: string): DateParse {
  const m = ISO.exec(value.trim());
  if (!m) {
    return { ok: false, problem: "it is not a date-time in the form `YYYY-MM-DDTHH:MM:SS+HH:MM`" };
  }
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12) return { ok: false, problem: `there is no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: `there is no ${day} ${MONTHS[month - 1]} ${year}` };
  }
  if (hour > 23) return { ok: false, problem: `there is no hour ${hour} (hours run from 00 to 23)` };
  if (minute > 59) return { ok: false, problem: `there is no minute ${minute}` };
  if (second > 59) return { ok: false, problem: `there is no second ${second}` };
  const millis = Math.floor(Number(`0.${frac || "0"}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);

  if (z === "Z") return { ok: true, moment: { epoch: wall, offset: 0 }, hadOffset: true };
  if (sign !== undefined) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 14 || offM > 59) return { ok: false, problem: `the offset ${sign}${oh}:${om} does not exist` };
    const offset = (sign === "-" ? -1 : 1) * (offH * 60 + offM);
    return { ok: true, moment: { epoch: wall - offset * 60000, offset }, hadOffset: true };
  }
  // Wall time in the site's zone: guess with the offset at the wall instant, then correct once.
  let offset = zoneOffset(zone, wall);
  offset = zoneOffset(zone, wall - offset * 60000);
  return { ok: true, moment: { epoch: wall - offset * 60000, offset }, hadOffset: false };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, "0");

function localFields(moment: Moment) {
  const local = new Date(moment.epoch + moment.offset * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

export function formatOffset(offset: number): string {
  return `${offset < 0 ? "-" : "+"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** `2026-09-26T09:00:00+04:30`: for `<time datetime>` and machine-readable metadata. */
export function toIso(moment: Moment): string {
  const f = localFields(moment);
  return `${f.year}-${pad(f.month + 1)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${formatOffset(moment.offset)}`;
}

/** `26 September 2026`, in the local time the editor wrote. */
export function formatDay(moment: Moment): string {
  const f = localFields(moment);
  return `${f.day} ${MONTHS[f.month]} ${f.year}`;
}

/**
 * `26 September 2026, 09:00 UTC+04:30`, or with `zone`'s words for a time
 * written in that zone, `26 September 2026, 09:00 Kabul time`: a time written
 * at another offset keeps its offset, since the label would be wrong for it.
 */
export function formatDayTime(moment: Moment, zone?: { readonly name: string; readonly label: string }): string {
  const f = localFields(moment);
  const inZone = zone !== undefined && zoneOffset(zone.name, moment.epoch) === moment.offset;
  return `${formatDay(moment)}, ${pad(f.hour)}:${pad(f.minute)} ${inZone ? zone.label : `UTC${formatOffset(moment.offset)}`}`;
}
