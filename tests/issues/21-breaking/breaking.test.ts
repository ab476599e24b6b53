import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21, "A breaking-news strip": `breaking:` on an article puts a strip
 * linking it on every page until its expiry, without JavaScript; one at a
 * time, the newest winning with a warning that names both files.
 * The fixture builds as of NOW, 24 November 2026, 12:00 Kabul time.
 */
const strip = (html: string): string | undefined => /<section class="breaking"[\s\S]*?<\/section>/.exec(html)?.[0];

let site: Site;
beforeAll(() => {
  site = makeSite({
    "site.yaml": "timezone: Asia/Kabul\ntimezone_label: Kabul time\n",
    // Two hours old: its strip, three hours by default, runs until 13:00.
    "content/national/quake.md": article('breaking: "Earthquake <strikes> Herat"').replace("2026-10-14T09:30:00+04:30", "2026-11-24T10:00:00+04:30"),
    // Older and still running until 18:00: the newer one wins.
    "content/national/dam.md": article("breaking: true\nbreaking_until: 2026-11-24T18:00:00+04:30")
      .replace("A plain headline", "Kajaki dam gates opened")
      .replace("2026-10-14T09:30:00+04:30", "2026-11-24T08:00:00+04:30"),
    // Ended at 11:00: shown nowhere, and no warning.
    "content/world/talks.md": article("breaking: Talks end\nbreaking_until: 2026-11-24T11:00:00+04:30")
      .replace("A plain headline", "Talks end in Doha")
      .replace("2026-10-14T09:30:00+04:30", "2026-11-24T07:00:00+04:30"),
  });
}, 30_000);
afterAll(() => site.remove());

describe("the breaking strip", () => {
  it("is on every page, linking the newest breaking story, its text escaped, with no script", () => {
    const result = site.build();
    expect(result.status).toBe(0);
    const html = [...site.outputs()].filter(([rel]) => rel.endsWith(".html"));
    expect(html.length).toBeGreaterThan(10);
    const expected =
      '<section class="breaking" aria-label="Breaking news"><p class="breaking-inner"><a href="/national/quake/"><strong class="breaking-label">Breaking</strong> <span class="breaking-text" lang="en" dir="ltr">Earthquake &lt;strikes> Herat</span></a></p></section>';
    // The text-only edition says it in a line of its own (tests/issues/22-lite).
    for (const [rel, page] of html.filter(([rel]) => !rel.startsWith("lite/"))) expect([rel, strip(page)]).toEqual([rel, expected]);
    for (const [rel, page] of html.filter(([rel]) => rel.startsWith("lite/"))) {
      expect([rel, page.includes('<p><strong>Breaking:</strong> <a href="/lite/national/quake/" dir="auto">Earthquake &lt;strikes> Herat</a></p>')]).toEqual([
        rel,
        true,
      ]);
    }
    for (const [, page] of html.filter(([rel]) => !rel.startsWith("search/"))) expect(page).not.toContain('<script type="module"');
  });

  it("warns at the older story's `breaking`, naming the story shown, and says when the next strip change is due", () => {
    const result = site.build();
    expect(result.stderr).toContain(`${site.content}/national/dam.md:4:11  warning  breaking-several`);
    expect(result.stderr).toContain(
      `This article's breaking strip is not shown: \`${site.content}/national/quake.md\` has a newer one, and the site shows one strip at a time (this one until 24 November 2026, 18:00 Kabul time).`,
    );
    expect(result.stderr).not.toContain("talks.md");
    expect(result.stdout).toContain(
      `Next scheduled: 2026-11-24T13:00:00+04:30 (2026-11-24T08:30:00Z), ${site.content}/national/quake.md: build again then to end its breaking strip.`,
    );
  });

  it("goes at its expiry, and the older one still running takes its place", () => {
    const later = site.build(["--now", "2026-11-24T13:00:00+04:30"]);
    expect(later.status).toBe(0);
    expect(strip(site.outputs().get("index.html") ?? "")).toContain(
      '<a href="/national/dam/"><strong class="breaking-label">Breaking</strong> <span class="breaking-text" lang="en" dir="ltr">Kajaki dam gates opened</span>',
    );
    const none = site.build(["--now", "2026-11-24T18:00:00+04:30"]);
    expect(none.status).toBe(0);
    expect([...site.outputs()].filter(([, text]) => text.includes('class="breaking"')).map(([rel]) => rel)).toEqual([]);
  });

  it("refuses a strip too long for one line, at its value", () => {
    const long = makeSite({ "content/national/long.md": article(`breaking: ${"Very long words ".repeat(10)}`) });
    const result = long.build();
    long.remove();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("long.md:4:11  error  field-invalid");
    expect(result.stderr).toContain("`breaking` is longer than 120 characters: the strip holds one short line");
  });
});
