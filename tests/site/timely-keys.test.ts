import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../../src/content/site-config.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { loaded } from "../support/loaded.ts";

/**
 * A warm build carries a page over when its key is unchanged (build/page-plan.ts).
 * What changes with the build's moment alone — live coverage ending, a strip
 * ending, an article taken down — must change the keys of the pages that show it.
 */
const CONFIG: SiteConfig = { ...DEFAULT_SITE_CONFIG, timezone: "Asia/Kabul", timezoneLabel: "Kabul time" };
const at = (iso: string): number => Date.parse(iso);

const live = loaded(
  "floods-live",
  "national",
  "title: Floods live\ndate: 2026-11-24T09:00:00+04:30\nlive: true\nlive_until: 2026-11-24T18:00:00+04:30",
  "Intro.\n\n## 10:00\n\nFirst.",
);
const strip = loaded("quake", "national", "title: Quake\ndate: 2026-11-24T10:00:00+04:30\nbreaking: Quake strikes");
const leaving = loaded("leak", "national", "title: Leak\ndate: 2026-11-23T10:00:00+04:30\nexpires: 2026-11-24T15:00:00+04:30");
const quiet = loaded("quiet", "national", "title: Quiet\ndate: 2026-11-22T10:00:00+04:30");

function keys(now: number): Map<string, string> {
  const built = buildSite({ articles: [live, strip, leaving, quiet], config: CONFIG, now });
  return new Map(built.pages.map((p) => [`${p.template} ${p.url}`, p.key]));
}

const changed = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((page) => a.get(page) !== b.get(page)).sort();

describe("page keys as time passes", () => {
  it("change for the live page and every list showing its card when its coverage ends, and no other", () => {
    const before = keys(at("2026-11-24T17:00:00+04:30"));
    const after = keys(at("2026-11-24T18:00:00+04:30"));
    const moved = changed(before, after);
    expect(moved).toContain("article /national/floods-live/");
    expect(moved).toContain("list /national/");
    expect(moved).toContain("index /");
    expect(moved).not.toContain("article /national/quiet/");
  });

  it("change for every page of the site when the breaking strip ends", () => {
    const before = keys(at("2026-11-24T12:00:00+04:30"));
    const after = keys(at("2026-11-24T13:00:00+04:30"));
    const moved = changed(before, after);
    const html = [...after.keys()].filter((page) => !page.startsWith("file "));
    expect(html.filter((page) => !moved.includes(page))).toEqual([]);
  });

  it("replace a taken-down article's page by its notice, and change the lists that showed it", () => {
    const before = keys(at("2026-11-24T14:00:00+04:30"));
    const after = keys(at("2026-11-24T15:00:00+04:30"));
    expect(before.has("article /national/leak/")).toBe(true);
    expect(after.has("article /national/leak/")).toBe(false);
    expect(after.has("gone /national/leak/")).toBe(true);
    expect(changed(before, after)).toEqual(expect.arrayContaining(["list /national/", "file /sitemap.xml", "file /feed.xml", "index /"]));
  });
});
