import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import FeedParser from "feedparser";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import sharp from "sharp";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../support/cli.ts";

/**
 * Issue 19, items 18-20: what feed readers, sitemaps and link previews are
 * given, read back from a real build of the e2e fixture site with a few
 * additions (a bundle with a picture in its body, author profiles, a
 * locale, a very long headline, a paragraph of nothing but raw HTML).
 */
const NOW = "2026-10-18T12:00:00+04:30";
const BASE = "https://test.example.org";
let work: string;
let out: string;

const read = (file: string): string => readFileSync(path.join(out, file), "utf8");
const LONG_TITLE = `${"Officials in Baghlan said on Saturday that the rebuilding of the bridges ".repeat(1_500)}end`;

function files(dir: string, sub = ""): string[] {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(dir, path.join(sub, e.name)) : [path.join(sub, e.name)]));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-metadata-"));
  const site = path.join(work, "site");
  cpSync(path.join(ROOT, "tests/e2e/site"), site, { recursive: true });
  writeFileSync(
    path.join(site, "site.yaml"),
    readFileSync(path.join(site, "site.yaml"), "utf8")
      .replace("timezone: Asia/Kabul\n", "timezone: Asia/Kabul\nlocale: en_GB\n")
      .replace(
        "    bio: Farida covers the northern provinces.\n",
        "    bio: Farida covers the northern provinces.\n    profiles:\n      - https://staff.example.org/farida-noori\n",
      ),
  );
  const bundle = path.join(site, "content/national/market-reopens");
  mkdirSync(bundle);
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#4a7" } })
    .png()
    .toFile(path.join(bundle, "market.png"));
  writeFileSync(
    path.join(bundle, "index.md"),
    "---\ntitle: Market reopens in Pul-e-Khumri\ndate: 2026-10-18T08:00:00+04:30\nauthor: Farida Noori\n---\nTraders returned on Saturday.\n\n![Stalls at the market](market.png)\n\n<span></span>   <b></b>\n\nMore traders are expected.\n",
  );
  writeFileSync(path.join(site, "content/world/long-headline.md"), `---\ntitle: ${LONG_TITLE}\ndate: 2026-10-18T07:30:00+04:30\n---\nA body.\n`);
  out = path.join(work, "out");
  const build = runCli(["build", "--content", path.join(site, "content"), "--site", path.join(site, "site.yaml"), "--out", out, "--now", NOW]);
  expect(build.stderr).not.toMatch(/ {2}error {2}|internal error/);
  expect(build.status).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function feedItems(xml: string): Promise<FeedParser.Item[]> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ normalize: true, addmeta: false });
    const items: FeedParser.Item[] = [];
    parser.on("error", reject);
    parser.on("readable", () => {
      for (let item = parser.read(); item !== null; item = parser.read()) items.push(item);
    });
    parser.on("end", () => resolve(items));
    Readable.from([xml]).pipe(parser);
  });
}

/** Every URL an HTML fragment asks a reader to load or follow, `srcset` candidates one by one. */
function urlsOf(html: string): string[] {
  const urls: string[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, "element", (node: Element) => {
    for (const name of ["href", "src", "cite", "poster"]) {
      const value = node.properties[name];
      if (typeof value === "string") urls.push(value);
    }
    const srcset = node.properties.srcSet;
    const list = Array.isArray(srcset) ? srcset.join(",") : typeof srcset === "string" ? srcset : "";
    for (const candidate of list.split(",")) if (candidate.trim() !== "") urls.push(candidate.trim().split(/\s+/)[0] ?? "");
  });
  return urls;
}

describe("feeds (item 18)", () => {
  it("should give every URL in full-content items absolutely, srcset candidates included", async () => {
    const items = await feedItems(read("feed.xml"));
    const market = items.find((i) => i.title === "Market reopens in Pul-e-Khumri");
    expect(market?.description).toMatch(/srcset=/);
    const urls = items.flatMap((i) => urlsOf(i.description ?? ""));
    expect(urls.some((u) => /market-[0-9a-f]{10}-480\.avif$/.test(u))).toBe(true);
    for (const url of urls) expect(url, url).toMatch(/^(https:\/\/test\.example\.org\/|https?:\/\/|mailto:)/);
    for (const file of ["feed.xml", "rss.xml", "feed.json", "national/feed.xml"]) {
      const text = read(file);
      expect(text, file).not.toMatch(/srcset=(\\?"|&quot;)(?!https?:)/);
      expect(text, file).not.toMatch(/, (?!https?:)[\w-]+\.(avif|webp|png|jpg) \d+w/);
    }
  });
});

describe("sitemaps (item 19)", () => {
  it("should list only pages that are their own canonical", () => {
    const sitemap = read("sitemap.xml");
    expect(sitemap).not.toContain("/world/wire-copy/");
    expect(sitemap).toContain(`${BASE}/national/market-reopens/`);
    if (existsSync(path.join(out, "news-sitemap.xml"))) {
      const news = read("news-sitemap.xml");
      expect(news).not.toContain("/world/wire-copy/");
      expect(news).toContain(`${BASE}/national/market-reopens/`);
    }
    // The wire copy's page is still published, pointing search engines at the original.
    expect(read("world/wire-copy/index.html")).toContain('<link rel="canonical" href="https://wire.example.com/stories/original"');
  });
});

describe("structured data and cards (item 20)", () => {
  const jsonLd = (html: string): Record<string, unknown>[] =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>);

  it("should give every JSON-LD author the address of a page the site has, and sameAs from site.yaml", () => {
    let checked = 0;
    for (const file of files(out).filter((f) => f.endsWith("index.html"))) {
      for (const data of jsonLd(read(file)).filter((d) => d["@type"] === "NewsArticle")) {
        for (const author of data.author as { "@type": string; name: string; url?: string; sameAs?: string[] }[]) {
          checked++;
          expect(author.url, `${file}: ${author.name}`).toMatch(/^https:\/\/test\.example\.org\//);
          const page = path.join(out, new URL(author.url ?? "").pathname, "index.html");
          expect(existsSync(page), `${file}: ${author.url}`).toBe(true);
          if (author.name === "Farida Noori") expect(author.sameAs).toEqual(["https://staff.example.org/farida-noori"]);
        }
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("should say og:locale as language_TERRITORY, from site.yaml's locale for the site's language", () => {
    expect(read("index.html")).toContain('<meta property="og:locale" content="en_GB"');
    expect(read("national/market-reopens/index.html")).toContain('<meta property="og:locale" content="en_GB"');
    // The text-only edition (lite/) is not for sharing: its canonical link is the full page.
    const dari = files(out).find((f) => f.endsWith("index.html") && !f.startsWith("lite") && read(f).includes("خبر کوتاه از کابل</h1>"));
    expect(dari).toBeDefined();
    expect(read(dari ?? "")).toContain('<meta property="og:locale" content="fa_AF"');
    for (const file of files(out).filter((f) => f.endsWith(".html") && !f.startsWith("lite"))) {
      expect(read(file), file).toMatch(/<meta property="og:locale" content="[a-z]{2,3}_[A-Z]{2}"/);
    }
  });

  it("should drop a paragraph made only of removed raw HTML", () => {
    for (const file of files(out).filter((f) => /\.(html|xml|json)$/.test(f))) {
      expect(read(file), file).not.toMatch(/<p>\s*<\/p>|&lt;p&gt;\s*&lt;\/p&gt;/);
    }
    expect(read("national/market-reopens/index.html")).toContain("More traders are expected.");
  });

  it("should cut a very long headline in <title>, OpenGraph and JSON-LD at a word", () => {
    const page = read("world/long-headline/index.html");
    const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? "";
    const og = /<meta property="og:title" content="([^"]*)"/.exec(page)?.[1] ?? "";
    const headline = String(jsonLd(page).find((d) => d["@type"] === "NewsArticle")?.headline ?? "");
    for (const text of [title, og, headline]) {
      expect(text.length).toBeGreaterThan(40);
      expect(text.length).toBeLessThan(160);
      expect(text).toMatch(/^Officials in Baghlan said/);
      expect(text).toMatch(/(bridges|rebuilding|Baghlan|Saturday|said|that|the|of|in|Officials|on)…/);
    }
    // The headline on the page itself stays whole.
    expect(page).toContain(`${LONG_TITLE}</h1>`);
  });
});
