import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import FeedParser from "feedparser";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESERVED_SECTION_SLUGS } from "../../src/content/section-address.ts";
import { ROOT, runCli } from "../support/cli.ts";

/**
 * Everything besides article pages, read by the parts that meet it in the
 * wild: a real feed parser, an HTML validator, and a link check over the
 * whole output. The fixture site is tests/e2e/site (built with --now).
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-10-18T12:00:00+04:30";
const BASE = "https://test.example.org";
let work: string;
let out: string;

const read = (file: string): string => readFileSync(path.join(out, file), "utf8");

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-publishing-"));
  out = path.join(work, "out");
  const build = runCli(["build", "--content", path.join(FIXTURE, "content"), "--out", out, "--now", NOW]);
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

function parseFeed(xml: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ normalize: true, addmeta: false });
    const items: FeedParser.Item[] = [];
    parser.on("error", reject);
    parser.on("readable", () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on("end", () => resolve({ meta: parser.meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}

/** The fixture's title as published: typography curls its quotes (issue 21); `<` and `&` still test the escaping. */
const TRICKY = `<script>alert(‘x’)</script> & “quotes”`;

describe("feeds, read back by a real feed parser", () => {
  for (const file of ["feed.xml", "rss.xml"]) {
    it(`should give ${file} its titles, absolute links, authors, dates and categories`, async () => {
      const feed = await parseFeed(read(file));
      expect(feed.meta.title).toBe("Test Ledger");
      expect(feed.meta.link).toBe(`${BASE}/`);
      const titles = feed.items.map((i) => i.title);
      expect(titles[0]).toBe("خبر کوتاه از کابل");
      // The entities decode back to the exact characters; feedparser then strips anything
      // tag-like from every title, whatever its type, so `<script>…</script>` goes.
      expect(titles).toContain(`alert(‘x’) & “quotes”`);
      expect(read(file)).toContain("&lt;script&gt;alert(‘x’)&lt;/script&gt; &amp; “quotes”");
      const floods = feed.items.find((i) => i.title === "Floods hit Baghlan");
      expect(floods?.link).toBe(`${BASE}/national/floods-hit-baghlan/`);
      expect(floods?.author).toBe("Farida Noori");
      expect(floods?.categories).toEqual(expect.arrayContaining(["National", "floods", "Baghlan floods"]));
      expect(floods?.pubdate?.toISOString()).toBe("2026-10-14T05:00:00.000Z");
      expect(floods?.description).toContain('<span class="dateline" dir="auto">PUL-E-KHUMRI</span>');
    });
  }

  it("should give the JSON Feed the same items, with the tricky title intact", () => {
    const feed = JSON.parse(read("feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    expect(feed.items.map((i: { title: string }) => i.title)).toContain(TRICKY);
    expect(feed.items[0].url.startsWith(BASE)).toBe(true);
  });

  it("should publish a feed per section holding only its articles", async () => {
    const feed = await parseFeed(read("national/feed.xml"));
    // "Rebuilding begins" is dated after --now: not published yet.
    expect(feed.items.map((i) => i.title)).toEqual(["Aid reaches Baghlan", "Floods hit Baghlan"]);
    const aid = feed.items.find((i) => i.title === "Aid reaches Baghlan");
    expect(aid?.date?.toISOString()).toBe("2026-10-16T05:30:00.000Z"); // updated by its correction
  });

  it("should publish corrections on the article, on the corrections page and in their feed", async () => {
    const article = read("national/aid-reaches-baghlan/index.html");
    expect(article).toContain('<section class="corrections" aria-labelledby="corrections-title"><h2 id="corrections-title">Correction</h2>');
    expect(article).toContain("An earlier version gave the number of trucks as 32; it was 22.");
    expect(article).toContain('"dateModified":"2026-10-16T10:00:00+04:30"');
    expect(read("corrections/index.html")).toContain('href="/national/aid-reaches-baghlan/"');
    const feed = await parseFeed(read("corrections/feed.xml"));
    expect(feed.items.map((i) => i.title)).toEqual(["Correction: Aid reaches Baghlan"]);
  });
});

describe("metadata", () => {
  it("should embed NewsArticle and BreadcrumbList JSON-LD that no title can break out of", () => {
    const html = read("world/script-title/index.html");
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? ""));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({
      "@type": "NewsArticle",
      headline: TRICKY,
      datePublished: "2026-10-16T08:00:00+03:00",
      dateline: "ANTALYA",
      articleSection: "World",
      keywords: ["climate"],
      publisher: { "@type": "NewsMediaOrganization", name: "Test Ledger", url: `${BASE}/`, logo: { url: `${BASE}/logo.svg` } },
    });
    expect(blocks[1].itemListElement.map((i: { name: string }) => i.name)).toEqual(["Home", "World", TRICKY]);
    // Only our own tags close script elements.
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    expect(html).toContain('<meta property="og:type" content="article"/>');
  });

  it("should point wire copy's canonical link at its original", () => {
    expect(read("world/wire-copy/index.html")).toContain('<link rel="canonical" href="https://wire.example.com/stories/original"/>');
    expect(read("world/script-title/index.html")).toContain(`<link rel="canonical" href="${BASE}/world/script-title/"/>`);
  });

  it("should set a Dari article right to left in its own language", () => {
    expect(read("world/kabul-dari/index.html")).toMatch(/^<!doctype html>\n<html lang="fa-AF" dir="rtl">/);
  });

  it("should write sitemaps and robots.txt that point at each other", () => {
    const sitemap = read("sitemap.xml");
    expect(sitemap).toContain(`<loc>${BASE}/national/floods-hit-baghlan/</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}/tags/baghlan-floods/</loc>`);
    const news = read("news-sitemap.xml");
    // Only the last 48 hours before --now, and only the site's own pages: the Dari article (the wire copy's canonical is elsewhere).
    expect([...news.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([`${BASE}/world/kabul-dari/`]);
    expect(sitemap).not.toContain("/world/wire-copy/");
    expect(read("robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\nSitemap: ${BASE}/news-sitemap.xml\n`);
  });

  it("should leave out the news sitemap, and its robots.txt line, when nothing is from the last 48 hours", () => {
    const later = path.join(work, "later");
    const build = runCli(["build", "--content", path.join(FIXTURE, "content"), "--out", later, "--now", "2027-03-01T12:00:00+04:30"]);
    expect(build.status).toBe(0);
    expect(existsSync(path.join(later, "news-sitemap.xml"))).toBe(false);
    expect(readFileSync(path.join(later, "robots.txt"), "utf8")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\n`);
  });

  it("should write tag, author, outlet and date archive pages", () => {
    for (const page of ["tags/baghlan-floods", "authors/farida-noori", "outlets/at-news", "archive/2026", "archive/2026/10"]) {
      expect(existsSync(path.join(out, page, "index.html")), page).toBe(true);
    }
    expect(read("authors/farida-noori/index.html")).toContain("Farida covers the northern provinces.");
  });
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .sort();
}

/** The sample site as a newcomer builds it, beside the fixture. */
let sample: string;
beforeAll(() => {
  sample = path.join(work, "sample");
  const build = runCli(["build", "--content", path.join(ROOT, "content"), "--out", sample, "--now", "2026-11-24T12:00:00+04:30"]);
  expect(build.status).toBe(0);
});

describe.each([
  ["the fixture site", () => out],
  ["the sample site", () => sample],
])("%s, whole", (_, dir) => {
  it("should be valid HTML on every page", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
    const problems: string[] = [];
    const files = htmlFiles(dir());
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const report = await validator.validateFile(path.join(dir(), file));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("should publish no top-level folder but its sections and the site's reserved ones", () => {
    const folders = readdirSync(dir(), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const sections = new Set(readdirSync(path.join(dir() === out ? FIXTURE : ROOT, "content")));
    expect(folders.filter((f) => !sections.has(f) && !RESERVED_SECTION_SLUGS.has(f))).toEqual([]);
    expect(folders.filter((f) => RESERVED_SECTION_SLUGS.has(f)).length).toBeGreaterThan(4);
  });

  it("should have every internal link and asset resolve to a file", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles(dir())) {
      const html = readFileSync(path.join(dir(), file), "utf8");
      for (const m of html.matchAll(/ (?:href|src)="([^"#?]*)[^"]*"/g)) {
        const target = m[1] ?? "";
        if (target === "" || /^[a-z]+:/i.test(target) || target.startsWith("//")) continue;
        const resolved = target.startsWith("/") ? target : path.posix.join("/", path.posix.dirname(file), target);
        const onDisk = path.join(dir(), decodeURIComponent(resolved));
        const ok = resolved.endsWith("/") ? existsSync(path.join(onDisk, "index.html")) : existsSync(onDisk);
        checked++;
        if (!ok) broken.push(`${file} → ${target}`);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  });
});
