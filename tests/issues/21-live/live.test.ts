import { Readable } from "node:stream";
import FeedParser from "feedparser";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21, "Live pages": `live: true` with updates under `## 14:05`
 * headings, shown newest first with anchors, a Live label on cards,
 * LiveBlogPosting structured data; `live_until` ends it. The fixture builds
 * as of 24 November 2026, 12:00 Kabul time.
 */
const LIVE = `---
title: Baghlan floods live
date: 2026-11-23T20:00:00+04:30
live: true
dateline: Pul-e Khumri
live_until: 2026-11-24T18:00:00+04:30
breaking: "Floods in Baghlan: follow the latest"
breaking_until: 2026-11-24T18:00:00+04:30
tags: [Floods]
---
Rivers burst their banks across Baghlan overnight. Follow the latest here.

## 09:40 – Convoy reaches **Nahrin**

An aid convoy reached Nahrin with tents and flour.

<script>alert(1)</script>

## 00:15 24 November

The Kunduz river rose again after midnight.

## 22:30

Families moved to higher ground.

## 20:05 Coverage begins

Heavy rain fell through the evening.
`;

const jsonLd = (html: string): Record<string, unknown>[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "") as Record<string, unknown>);

let site: Site;
beforeAll(() => {
  site = makeSite({
    "site.yaml": "url: https://news.example.org\ntimezone: Asia/Kabul\ntimezone_label: Kabul time\n",
    "content/national/baghlan-floods-live.md": LIVE,
    "content/national/quiet-day.md": "---\ntitle: A quiet day in Kabul\ndate: 2026-11-22T09:00:00+04:30\n---\nNothing happened.\n",
    "content/national/taken-down.md": "---\ntitle: Taken down\ndate: 2026-11-22T09:00:00+04:30\nexpires: 2026-11-23T09:00:00+04:30\n---\nGone.\n",
  });
}, 30_000);
afterAll(() => site.remove());

describe("a live page", () => {
  let page: string;
  beforeAll(() => {
    const result = site.build();
    expect(result.status, result.stderr).toBe(0);
    page = site.outputs().get("national/baghlan-floods-live/index.html") ?? "";
  }, 60_000);

  it("shows the updates newest first, each an article with a stable anchor and its time, the day written after midnight", () => {
    const updates = [...page.matchAll(/<article class="live-update" id="([^"]+)">\n<h2><a href="#([^"]+)"><time datetime="([^"]+)">([^<]+)<\/time><\/a>/g)].map(
      (m) => [m[1], m[2], m[3], m[4]],
    );
    expect(updates).toEqual([
      // After midnight, on a day other than the article's: the day is shown, and is in the anchor.
      ["update-1124-0940", "update-1124-0940", "2026-11-24T09:40:00+04:30", "09:40, 24 November"],
      ["update-1124-0015", "update-1124-0015", "2026-11-24T00:15:00+04:30", "00:15, 24 November"],
      ["update-2230", "update-2230", "2026-11-23T22:30:00+04:30", "22:30"],
      ["update-2005", "update-2005", "2026-11-23T20:05:00+04:30", "20:05"],
    ]);
    expect(page).toContain("</time></a> Convoy reaches <strong>Nahrin</strong></h2>");
    expect(page).not.toContain("<script>alert");
    // The introduction stays on top.
    expect(page.indexOf("Rivers burst their banks")).toBeLessThan(page.indexOf('id="update-1124-0940"'));
  });

  it("labels itself Live, says in which zone its times are and when it was last updated", () => {
    expect(page).toContain('<p class="kicker"><span class="live-label">Live</span>');
    expect(page).toContain(
      '<p class="live-coverage">Latest updates first. All times Kabul time. Last updated <time datetime="2026-11-24T09:40:00+04:30">24 November 2026, 09:40 Kabul time</time>.</p>',
    );
  });

  it("is a LiveBlogPosting, its coverage's start and end given, each update a BlogPosting with its time and anchor", () => {
    const data = jsonLd(page).find((d) => d["@type"] === "LiveBlogPosting");
    expect(data).toMatchObject({
      headline: "Baghlan floods live",
      datePublished: "2026-11-23T20:00:00+04:30",
      dateModified: "2026-11-24T09:40:00+04:30",
      coverageStartTime: "2026-11-23T20:00:00+04:30",
      coverageEndTime: "2026-11-24T18:00:00+04:30",
    });
    expect(data).not.toHaveProperty("dateline");
    expect(data?.liveBlogUpdate).toEqual([
      {
        "@type": "BlogPosting",
        headline: "Convoy reaches Nahrin",
        datePublished: "2026-11-24T09:40:00+04:30",
        url: "https://news.example.org/national/baghlan-floods-live/#update-1124-0940",
        articleBody: "An aid convoy reached Nahrin with tents and flour.",
      },
      {
        "@type": "BlogPosting",
        headline: "Baghlan floods live",
        datePublished: "2026-11-24T00:15:00+04:30",
        url: "https://news.example.org/national/baghlan-floods-live/#update-1124-0015",
        articleBody: "The Kunduz river rose again after midnight.",
      },
      expect.objectContaining({ datePublished: "2026-11-23T22:30:00+04:30" }),
      expect.objectContaining({ headline: "Coverage begins", datePublished: "2026-11-23T20:05:00+04:30" }),
    ]);
  });

  it("puts a Live label on its cards, and on no other", () => {
    const outputs = site.outputs();
    for (const rel of ["index.html", "national/index.html", "tags/floods/index.html"]) {
      const html = outputs.get(rel) ?? "";
      expect(html, rel).toMatch(/<span class="live-label">Live<\/span><a href="\/national\/baghlan-floods-live\/"/);
      expect(html.match(/live-label/g)?.length, rel).toBe(1);
    }
  });

  it("says when its coverage ends, as the next scheduled change", () => {
    expect(site.build().stdout).toContain(
      `Next scheduled: 2026-11-24T18:00:00+04:30 (2026-11-24T13:30:00Z), ${site.content}/national/baghlan-floods-live.md: build again then to end its live coverage.`,
    );
  });
});

describe("a live page after `live_until`", () => {
  it("loses its Live labels on the next build, and says its coverage has ended, still a LiveBlogPosting", () => {
    const result = site.build(["--now", "2026-11-24T18:00:00+04:30"]);
    expect(result.status).toBe(0);
    const outputs = site.outputs();
    expect([...outputs].filter(([, text]) => text.includes('class="live-label"')).map(([rel]) => rel)).toEqual([]);
    const page = outputs.get("national/baghlan-floods-live/index.html") ?? "";
    expect(page).toContain(
      '<p class="live-coverage">This live coverage has ended (<time datetime="2026-11-24T18:00:00+04:30">24 November 2026, 18:00 Kabul time</time>). Latest updates first. All times Kabul time.</p>',
    );
    expect(jsonLd(page).find((d) => d["@type"] === "LiveBlogPosting")?.coverageEndTime).toBe("2026-11-24T18:00:00+04:30");
  });
});

describe("live mistakes", () => {
  it("reports each at its line: a heading that is no time, updates out of order, no updates, an end before the start", () => {
    const wrong = makeSite({
      "content/national/wrong.md":
        "---\ntitle: Wrong\ndate: 2026-11-23T20:00:00+04:30\nlive: true\n---\nIntro.\n\n## 13:50\n\nLater?\n\n## Background\n\nText.\n\n## 14:05\n\nText.\n",
      "content/national/empty.md": "---\ntitle: Empty\ndate: 2026-11-23T20:00:00+04:30\nlive: true\n---\nNo updates yet.\n",
      "content/national/ends.md": "---\ntitle: Ends\ndate: 2026-11-23T20:00:00+04:30\nlive: true\nlive_until: 2026-11-23T19:00:00+04:30\n---\n## 20:10\n\nText.\n",
    });
    const result = wrong.check();
    wrong.remove();
    expect(result.status).toBe(1);
    const out = result.stdout + result.stderr;
    expect(out).toContain("content/national/wrong.md:8:1  warning  live-update-order");
    expect(out).toContain("The update `## 13:50` is earlier than the one written below it (`## 14:05`)");
    expect(out).toContain("content/national/wrong.md:12:1  warning  live-heading-not-time");
    expect(out).toContain("`## Background` is not an update's time");
    expect(out).toContain("content/national/empty.md:6:1  warning  live-no-updates");
    expect(out).toContain("content/national/ends.md:5:13  error  date-order");
    expect(out).toContain(
      "`live_until` is 23 November 2026, 19:00 UTC+04:30, not after the article's `date` (23 November 2026, 20:00 UTC+04:30): the live coverage would end before it began.",
    );
  });
});

function parseFeed(xml: string): Promise<FeedParser.Item[]> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ normalize: true, addmeta: false });
    const items: FeedParser.Item[] = [];
    parser.on("error", reject);
    parser.on("readable", () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on("end", () => resolve(items));
    Readable.from([xml]).pipe(parser);
  });
}

describe("the new pages, read by the tools that meet them", () => {
  let outputs: Map<string, string>;
  beforeAll(() => {
    expect(site.build().status).toBe(0);
    outputs = site.outputs();
  }, 60_000);

  it("are valid HTML: the live page, a page under the breaking strip and a taken-down article's notice", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
    const problems: string[] = [];
    for (const rel of ["national/baghlan-floods-live/index.html", "national/quiet-day/index.html", "national/taken-down/index.html", "index.html"]) {
      const html = outputs.get(rel) ?? "";
      expect(html, rel).not.toBe("");
      const report = await validator.validateString(html, rel);
      for (const result of report.results) for (const m of result.messages) problems.push(`${rel}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
    expect(outputs.get("national/quiet-day/index.html")).toContain('<section class="breaking" aria-label="Breaking news">');
  });

  it("carry the live article's updates through the feeds, as a feed parser reads them", async () => {
    for (const file of ["feed.xml", "rss.xml"]) {
      const items = await parseFeed(outputs.get(file) ?? "");
      const live = items.find((item) => item.title === "Baghlan floods live");
      expect(live?.description, file).toContain("Convoy reaches <strong>Nahrin</strong>");
      expect(live?.description, file).toContain("The Kunduz river rose again after midnight.");
      expect(items.map((item) => item.title)).not.toContain("Taken down");
    }
    const json = JSON.parse(outputs.get("feed.json") ?? "") as { items: { title: string; content_html: string }[] };
    expect(json.items.find((item) => item.title === "Baghlan floods live")?.content_html).toContain('id="update-1124-0940"');
  });

  it("keep an article page's HTML and the stylesheet under 40 KB together", () => {
    const css = outputs.get("css/site.css") ?? "";
    const page = outputs.get("national/baghlan-floods-live/index.html") ?? "";
    expect(css.length).toBeGreaterThan(1000);
    expect(Buffer.byteLength(page) + Buffer.byteLength(css)).toBeLessThan(40 * 1024);
  });
});
