import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, ROOT, runCli, snapshotTree } from "../support/cli.ts";

/**
 * The whole path, as a newcomer meets it: the CLI builds a small fixture
 * site into a temporary folder, and we read the HTML it wrote.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let out: string;
let build: CliResult;

const page = (url: string): string => readFileSync(path.join(out, url, "index.html"), "utf8");

let contentBefore: Map<string, Buffer>;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-e2e-"));
  out = path.join(work, "out");
  contentBefore = snapshotTree(FIXTURE);
  build = runCli(["build", "--content", path.join(FIXTURE, "content"), "--out", out, "--now", NOW]);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("npm run build", () => {
  it("should exit 0 and say what it built", () => {
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(build.stdout).toMatch(/^Built 6 articles \(\d+ pages\) into .+ in [\d.]+ s\.\nNext scheduled: .+\n$/);
  });

  it("should render the article page like a news site", () => {
    const html = page("national/floods-hit-baghlan");
    expect(html).toMatch(
      /<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="\/" dir="auto">Home<\/a><\/li><li><a href="\/national\/" dir="auto">National<\/a><\/li><li><span aria-current="page" dir="auto">Floods hit Baghlan<\/span><\/li><\/ol><\/nav>/,
    );
    expect(html).toContain("<h1>Floods hit Baghlan</h1>");
    expect(html).toContain('<p class="outlet"><a href="/outlets/at-news/" data-pagefind-filter="outlet" dir="auto">AT News</a></p>');
    expect(html).toContain('<p><span class="dateline" dir="auto">PUL-E-KHUMRI</span> – Floodwaters swept through villages overnight.</p>');
    expect(html).toContain('<time datetime="2026-10-14T09:30:00+04:30">14 October 2026, 09:30 UTC+04:30</time>');
    expect(html).toContain('By <a href="/authors/farida-noori/" dir="auto">Farida Noori</a>');
    expect(html).toContain("Farida covers the northern provinces.");
  });

  it("should link the editor's Check Also article with its title and summary", () => {
    const html = page("national/floods-hit-baghlan");
    const box = html.slice(html.indexOf('<section class="check-also"'), html.indexOf("</section>", html.indexOf('<section class="check-also"')));
    expect(box).toContain("Check Also");
    expect(box).toContain('<a href="/national/aid-reaches-baghlan/" dir="auto">Aid reaches Baghlan</a>');
    expect(box).toContain("The first convoys reached flood-hit villages.");
  });

  const sidebar = (html: string): string[] => {
    const aside = html.slice(html.indexOf('<aside class="related"'), html.indexOf("</aside>"));
    return [...aside.matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1] ?? "");
  };

  it("should fill the sidebar with related articles only, never itself or its Check Also target", () => {
    expect(sidebar(page("national/floods-hit-baghlan"))).toEqual(["/national/rebuilding-begins/"]);
  });

  it("should fill an empty Check Also box with the best related article, not repeated in the sidebar", () => {
    const html = page("national/rebuilding-begins");
    const box = html.slice(html.indexOf('<section class="check-also"'), html.indexOf("</section>", html.indexOf('<section class="check-also"')));
    // Both earlier flood stories share its story tag; the closer one in time wins the box.
    expect(box).toContain('href="/national/aid-reaches-baghlan/"');
    expect(sidebar(html)).toEqual(["/national/floods-hit-baghlan/"]);
  });

  it("should escape a title containing <script> everywhere it appears", () => {
    const html = page("world/script-title");
    expect(html).not.toContain("<script>");
    // Typography curls the quotes (remark-typography, issue 21): escaping is what is tested here.
    expect(html).toContain("<title>&lt;script>alert(‘x’)&lt;/script> &amp; “quotes” | Test Ledger</title>");
    expect(html).toContain("<h1>&lt;script>alert(‘x’)&lt;/script> &amp; “quotes”</h1>");
    expect(html).toContain('content="A title that tries to run code &amp; break out of attributes “like this”."');
    for (const file of ["index.html", "world/index.html", "national/floods-hit-baghlan/index.html"]) {
      expect(readFileSync(path.join(out, file), "utf8")).not.toContain("<script>");
    }
  });

  it("should publish an article kept in a folder with the picture beside it", () => {
    const html = page("national/rebuilding-begins");
    // A drawing is published as pixels drawn 1,600 wide, never as SVG (issue 18 item 3).
    expect(html).toMatch(
      /<img src="bridge-[0-9a-f]{10}-800\.png" srcset="[^"]+" sizes="[^"]+" width="1600" height="900" alt="A new bridge over the Baghlan river" loading="eager" fetchpriority="high">/,
    );
    expect(html).toContain("Engineers at the Nahrin bridge site.");
    expect(existsSync(path.join(out, "national/rebuilding-begins/bridge.svg"))).toBe(false);
  });

  it("should publish neither drafts nor articles scheduled after --now", () => {
    expect(existsSync(path.join(out, "world/draft-story"))).toBe(false);
    expect(existsSync(path.join(out, "world/scheduled-story"))).toBe(false);
    expect(readFileSync(path.join(out, "world/index.html"), "utf8")).not.toContain("Scheduled for next year");
  });

  it("should write the home page, section pages, a 404 page and the stylesheet", () => {
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    expect(home).toContain('href="/national/rebuilding-begins/"');
    expect(home.indexOf("Rebuilding begins")).toBeLessThan(home.indexOf("Aid reaches Baghlan"));
    // Two articles a page (the fixture's page_size), newest first, with stable URLs and links both ways.
    const section = page("national");
    expect(section.indexOf("Rebuilding begins")).toBeLessThan(section.indexOf("Aid reaches Baghlan"));
    expect(section).not.toContain("Floods hit Baghlan</a></h2>");
    expect(section).toContain('<link rel="next" href="/national/page/2/"/>');
    expect(section).toContain('<a href="/national/page/2/" rel="next">Older</a>');
    const second = page("national/page/2");
    expect(second).toContain("Floods hit Baghlan</a></h2>");
    expect(second).toContain('<a href="/national/" rel="prev">Newer</a>');
    expect(second).toContain("<title>National, page 2 | Test Ledger</title>");
    expect(existsSync(path.join(out, "404.html"))).toBe(true);
    expect(existsSync(path.join(out, "css/site.css"))).toBe(true);
  });

  it("should never write into the content folder", () => {
    const after = snapshotTree(FIXTURE);
    expect([...after.keys()]).toEqual([...contentBefore.keys()]);
  });

  it("should write byte-identical output for the same input", () => {
    const again = path.join(work, "again");
    const second = runCli(["build", "--content", path.join(FIXTURE, "content"), "--out", again, "--now", NOW]);
    expect(second.status).toBe(0);
    const a = snapshotTree(out);
    const b = snapshotTree(again);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
  });
});

describe("npm run related", () => {
  it("should print an article's picks with their scores and signals", () => {
    const result = runCli(["related", "rebuilding-begins", "--content", path.join(FIXTURE, "content"), "--now", NOW]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Related to rebuilding-begins (national, 2026-10-20): "Rebuilding begins in Baghlan"');
    // Its tags count as mentions of their words and names ("Baghlan floods"): no tag line within one language.
    expect(result.stdout).toMatch(/Check Also: aid-reaches-baghlan {2}score \d\.\d{3}\n {5}names: baghlan \d\.\d{3}\n {5}words: baghlan \d\.\d{3}/);
    expect(result.stdout).toMatch(/1\. floods-hit-baghlan {2}score \d\.\d{3}/);
    expect(result.stdout).toMatch(/6\.0 days apart, same section/);
  });

  it("should say so when the slug is not a published article", () => {
    const result = runCli(["related", "no-such-story", "--content", path.join(FIXTURE, "content"), "--now", NOW]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no published article has the slug `no-such-story`");
  });
});

describe("npm run build with mistakes", () => {
  it("should report every error with file, line and column, exit 1 and leave the published site untouched", () => {
    const site = path.join(work, "broken");
    cpSync(FIXTURE, site, { recursive: true });
    const before = snapshotTree(out);
    const file = path.join(site, "content/national/aid-reaches-baghlan.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("tags:", "tgas:"));
    writeFileSync(path.join(site, "content/national/bad-date.md"), "---\ntitle: Bad\ndate: 2024-02-30T10:00:00+04:30\n---\nx\n");
    const result = runCli(["build", "--content", path.join(site, "content"), "--out", out, "--now", NOW]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content/national/aid-reaches-baghlan.md:5:1  error  field-unknown  Unknown field `tgas`. Did you mean `tags`?");
    expect(result.stderr).toContain("content/national/bad-date.md:3:7  error  date-invalid");
    expect(result.stderr).toContain("there is no 30 February 2024");
    expect(result.stderr).toContain("> 5 | tgas: [floods, Baghlan floods, aid]");
    // The unreadable article is not reported again as a missing Check Also target.
    expect(result.stderr).not.toContain("check-also-unresolved");
    expect(result.stderr).toContain("2 errors, 0 warnings in 2 files");
    const after = snapshotTree(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
  });

  it("should report a Check Also slug that resolves to nothing at its line", () => {
    const site = path.join(work, "dangling");
    cpSync(FIXTURE, site, { recursive: true });
    const file = path.join(site, "content/national/floods-hit-baghlan.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("  - aid-reaches-baghlan", "  - aid-reaches-baghlann"));
    const result = runCli(["build", "--content", path.join(site, "content"), "--out", path.join(work, "dangling-out"), "--now", NOW]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "floods-hit-baghlan.md:9:5  error  check-also-unresolved  `check_also` names `aid-reaches-baghlann`, but no article has that slug. Did you mean `aid-reaches-baghlan`?",
    );
    // A problem found after parsing still gets its code frame: the file is read again for it.
    expect(result.stderr).toContain(">  9 |   - aid-reaches-baghlann");
    expect(existsSync(path.join(work, "dangling-out"))).toBe(false);
  });

  it("should exit 2 for a usage error", () => {
    const result = runCli(["build", "--outt", "x"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("error: ");
    expect(result.stderr).toContain("Usage:");
  });

  it("should refuse to replace a folder it did not write", () => {
    const foreign = path.join(work, "foreign");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "precious.txt"), "keep me");
    const result = runCli(["build", "--content", path.join(FIXTURE, "content"), "--out", foreign, "--now", NOW]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("already holds files that this generator did not write");
    expect(readFileSync(path.join(foreign, "precious.txt"), "utf8")).toBe("keep me");
  });

  it("should build a folder of nothing but articles with defaults", () => {
    const bare = path.join(work, "bare", "articles");
    mkdirSync(bare, { recursive: true });
    writeFileSync(path.join(bare, "hello.md"), "---\ntitle: Hello\ndate: 2026-10-01T10:00:00Z\nsection: Local\n---\nHi.\n");
    const result = runCli(["build", "--content", bare, "--out", path.join(work, "bare-out"), "--now", NOW]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(work, "bare-out/local/hello/index.html"), "utf8")).toContain("<h1>Hello</h1>");
  });
});
