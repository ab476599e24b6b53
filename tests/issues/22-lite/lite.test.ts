import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../support/cli.ts";
import { article, makeSite } from "../18-fixture.ts";

/**
 * Issue 22, "A lite edition for slow connections": every article and front
 * of the sample site once more at /lite/, text only, one request, under 5 KB
 * compressed, linked from the full pages and kept out of the sitemaps.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let out: string;
const read = (rel: string): string => readFileSync(path.join(out, rel), "utf8");
const pages = (dir: string): string[] =>
  (readdirSync(path.join(out, dir), { recursive: true, encoding: "utf8" }) as string[]).filter((r) => r.endsWith("index.html")).map((r) => path.join(dir, r));

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-lite-"));
  out = path.join(work, "out");
  const build = runCli(["build", "--content", path.join(ROOT, "content"), "--site", path.join(ROOT, "site.yaml"), "--out", out, "--now", NOW]);
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The full article pages: `<section>/<slug>/index.html`, outside the site's own folders. */
function articlePages(): string[] {
  return readdirSync(out, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !["lite", "tags", "authors", "outlets", "archive", "corrections", "search", "sections", "pagefind", "css"].includes(e.name))
    .flatMap((e) => pages(e.name).filter((rel) => rel.split(path.sep).length === 3 && !rel.includes(`${path.sep}page${path.sep}`)));
}

describe("the text-only edition", () => {
  it("has a page for every article and every section front, and the front page", () => {
    const full = articlePages();
    expect(full.length).toBeGreaterThan(20);
    const lite = new Set(pages("lite"));
    for (const rel of full) expect(lite.has(path.join("lite", rel)), rel).toBe(true);
    for (const section of ["national", "region", "world", "business", "sport"]) expect(lite.has(path.join("lite", section, "index.html"))).toBe(true);
    expect(lite.has(path.join("lite", "index.html"))).toBe(true);
  });

  it("asks for nothing more than itself: no picture, script, embed, stylesheet or font", () => {
    for (const rel of pages("lite")) {
      const html = read(rel);
      expect([rel, html.match(/<(img|picture|source|script|iframe|video|audio|object|embed|svg)\b/i)?.[0]]).toEqual([rel, undefined]);
      expect([rel, html.match(/\s(src|srcset|poster)=/i)?.[0]]).toEqual([rel, undefined]);
      expect([rel, [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])]).toEqual([
        rel,
        [expect.stringMatching(/^<link rel="canonical" href="https:\/\/kabul-ledger\.example\.org\//)],
      ]);
      expect([rel, /url\(|@import/.test(html)]).toEqual([rel, false]);
    }
  });

  it("weighs under 5 KB compressed, every page", () => {
    for (const rel of pages("lite")) expect([rel, gzipSync(readFileSync(path.join(out, rel))).length < 5 * 1024]).toEqual([rel, true]);
  });

  it("is linked from the full page (rel=alternate and the masthead), and points search engines back at it", () => {
    const full = read("national/aid-convoys-reach-baghlan/index.html");
    expect(full).toContain('<link rel="alternate" type="text/html" title="Text-only version" href="/lite/national/aid-convoys-reach-baghlan/"/>');
    const masthead = full.slice(full.indexOf('<header class="masthead"'), full.indexOf("</header>"));
    expect(masthead).toContain('<a class="lite-link" href="/lite/national/aid-convoys-reach-baghlan/">Text only</a>');
    expect(read("index.html")).toContain('href="/lite/"');
    const lite = read("lite/national/aid-convoys-reach-baghlan/index.html");
    expect(lite).toContain('<link rel="canonical" href="https://kabul-ledger.example.org/national/aid-convoys-reach-baghlan/"/>');
    expect(lite).toContain("<h1>Aid convoys reach flood-hit villages in Baghlan as death toll rises to 19</h1>");
    expect(lite).toMatch(/<p><span dir="auto">NAHRIN<\/span> – The first convoys/);
    expect(lite).toContain("Picture: ");
  });

  it("sets a Dari article right to left, with the site's own words left to right", () => {
    const lite = read("lite/national/baghlan-floods-dari/index.html");
    expect(lite).toMatch(/^<!doctype html>\n<html lang="fa-AF" dir="rtl">/);
    expect(lite).toContain('<header lang="en" dir="ltr">');
  });

  it("lists the front page's lead first and links each headline to its text-only page", () => {
    const home = read("index.html");
    const lead = /<section class="lead"[\s\S]*?<a href="(\/[^/"]+\/[^/"]+\/)"/.exec(home)?.[1];
    expect(lead).toBeDefined();
    const lite = read("lite/index.html");
    const first = /<li>(?:<strong>Live: <\/strong>)?<a href="([^"]+)"/.exec(lite)?.[1];
    expect(first).toBe(`/lite${lead}`);
  });

  it("stays out of the sitemaps", () => {
    for (const rel of readdirSync(out).filter((f) => f.endsWith(".xml") && f.includes("sitemap"))) expect(read(rel)).not.toContain("/lite/");
  });
});

describe("an article taken down", () => {
  it("leaves no text-only page and no headline on the text-only fronts", () => {
    const site = makeSite({
      "content/national/gone.md": article("expires: 2026-11-01T09:00:00+04:30").replace("A plain headline", "Quokka story withdrawn"),
      "content/national/kept.md": article("").replace("A plain headline", "A story that stays"),
    });
    try {
      expect(site.build().status).toBe(0);
      const outputs = site.outputs();
      expect(outputs.has("lite/national/kept/index.html")).toBe(true);
      expect(outputs.has("lite/national/gone/index.html")).toBe(false);
      for (const [rel, text] of outputs) if (rel.startsWith("lite")) expect([rel, text.includes("Quokka")]).toEqual([rel, false]);
    } finally {
      site.remove();
    }
  });
});
