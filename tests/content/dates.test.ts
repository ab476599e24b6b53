import { describe, expect, it } from "vitest";
import { formatDay, formatDayTime, parseDate, toIso, zoneOffset } from "../../src/content/dates.ts";

describe("parseDate", () => {
  it("should keep the instant and the offset the editor wrote", () => {
    const r = parseDate("2023-09-26T09:00:00+04:30", "UTC");
    expect(r).toEqual({ ok: true, moment: { epoch: Date.UTC(2023, 8, 26, 4, 30), offset: 270 }, hadOffset: true });
  });

  it("should accept Z and negative offsets", () => {
    const z = parseDate("2024-01-01T00:00:00Z", "UTC");
    const neg = parseDate("2024-01-01T00:00:00-05:00", "UTC");
    expect(z.ok && z.moment.epoch).toBe(Date.UTC(2024, 0, 1));
    expect(neg.ok && neg.moment).toEqual({ epoch: Date.UTC(2024, 0, 1, 5), offset: -300 });
  });

  it("should refuse a day that does not exist instead of rolling over", () => {
    expect(parseDate("2024-02-30T10:00:00+04:30", "UTC")).toEqual({ ok: false, problem: "there is no 30 February 2024" });
    expect(parseDate("2023-02-29T10:00:00Z", "UTC").ok).toBe(false);
    expect(parseDate("2024-02-29T10:00:00Z", "UTC").ok).toBe(true);
  });

  it("should refuse words, impossible hours and offsets", () => {
    expect(parseDate("yesterday", "UTC").ok).toBe(false);
    expect(parseDate("2024-01-01T24:00:00Z", "UTC")).toMatchObject({ ok: false, problem: expect.stringContaining("hour 24") });
    expect(parseDate("2024-01-01T10:00:00+15:00", "UTC").ok).toBe(false);
    expect(parseDate("2024-13-01T10:00:00Z", "UTC")).toMatchObject({ problem: "there is no month 13" });
  });

  it("should read a time without offset in the site's zone and say so", () => {
    const r = parseDate("2026-10-14T09:30:00", "Asia/Kabul");
    expect(r).toEqual({ ok: true, moment: { epoch: Date.UTC(2026, 9, 14, 5, 0), offset: 270 }, hadOffset: false });
  });

  it("should follow daylight saving time in the site's zone", () => {
    const summer = parseDate("2026-07-01T12:00:00", "Europe/London");
    const winter = parseDate("2026-12-01T12:00:00", "Europe/London");
    expect(summer.ok && summer.moment.offset).toBe(60);
    expect(winter.ok && winter.moment.offset).toBe(0);
    expect(zoneOffset("Asia/Kabul", Date.UTC(2026, 0, 1))).toBe(270);
  });
});

describe("formatting", () => {
  const parsed = parseDate("2023-09-26T21:05:00+04:30", "UTC");
  if (!parsed.ok) throw new Error("fixture");
  it("should show the local time the editor wrote, not UTC", () => {
    expect(formatDay(parsed.moment)).toBe("26 September 2023");
    expect(formatDayTime(parsed.moment)).toBe("26 September 2023, 21:05 UTC+04:30");
    expect(toIso(parsed.moment)).toBe("2023-09-26T21:05:00+04:30");
  });

  it("should write negative offsets", () => {
    const r = parseDate("2023-01-02T01:00:00-03:30", "UTC");
    expect(r.ok && toIso(r.moment)).toBe("2023-01-02T01:00:00-03:30");
  });
});
