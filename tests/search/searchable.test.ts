import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchableError, searchableDocument } from "../../src/search/searchable.ts";
import { ROOT, runCli, snapshotTree } from "../support/cli.ts";

const page = (head: string, body: string) => `<!doctype html>\n<html lang="en" dir="ltr"><head>${head}</head><body>${body}</body></html>\n`;
const bare = (htmlTag: string, inner: string) => `<!doctype html>\n${htmlTag}<head></head><body>${inner}</body></html>\n`;

describe("searchableDocument", () => {
  it("should keep the data-pagefind-body element byte for byte, nested elements of its kind included, and the page's <html> tag", () => {
    const article = `<article class="article" data-pagefind-body="true" data-pagefind-meta="date:1 May"><h1>Floods</h1><ul><li><article class="card"><h3>Aid</h3></article></li></ul><p>Water &lt;article&gt; rose.</p></article>`;
    const html = page(`<title>Floods | Ledger</title>`, `<header><a href="/">Ledger</a></header><main>${article}<aside class="related">Rain</aside></main>`);
    expect(searchableDocument(html, "national/floods/index.html")).toBe(bare(`<html lang="en" dir="ltr">`, article));
  });

  it("should not be misled by tags inside comments, scripts and attribute values", () => {
    const article = `<div data-pagefind-body><p title="a > b">One</p><!-- </div> --><script>if (a</div>) {}</script><p>Two</p></div>`;
    const html = page(`<script type="application/ld+json">{"x":"<div data-pagefind-body>"}</script>`, `<!-- <div data-pagefind-body> -->${article}<p>After</p>`);
    expect(searchableDocument(html, "p.html")).toBe(bare(`<html lang="en" dir="ltr">`, article));
  });

  it("should keep every body element, in order, when a page has several", () => {
    const html = page("", `<section data-pagefind-body>A</section><nav>skip</nav><section data-pagefind-body>B</section>`);
    expect(searchableDocument(html, "p.html")).toBe(
      bare(`<html lang="en" dir="ltr">`, `<section data-pagefind-body>A</section><section data-pagefind-body>B</section>`),
    );
  });

  it("should return nothing for a page without a data-pagefind-body element, as Pagefind skips it", () => {
    expect(searchableDocument(page("<title>Home</title>", "<h1>Latest</h1>"), "index.html")).toBeUndefined();
  });

  it("should refuse a data-pagefind attribute outside the body element, which the cut would lose", () => {
    const html = page(`<meta data-pagefind-meta="image[content]" content="/a.jpg">`, `<article data-pagefind-body>A</article>`);
    expect(() => searchableDocument(html, "national/a/index.html")).toThrow(SearchableError);
    expect(() => searchableDocument(html, "national/a/index.html")).toThrow(/national\/a\/index\.html: `<meta data-pagefind-meta/);
  });

  it("should refuse a body element that is never closed", () => {
    expect(() => searchableDocument(page("", `<article data-pagefind-body><p>A</p>`), "p.html")).toThrow(/never closed/);
  });
});

/**
 * The claim the cut rests on: Pagefind makes the same index of the bare
 * documents as of the whole pages. Proved on the sample site's real pages,
 * with Pagefind itself, file for file.
 */
describe("the searchable documents of the sample site", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "newsroom-searchable-"));
    const built = runCli(["build", "--content", path.join(ROOT, "tests/e2e/site/content"), "--out", path.join(work, "site"), "--now", "2026-11-24T12:00:00+04:30"]);
    expect(built.status).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const pagesOf = (site: string) =>
    readdirSync(site, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind"))
      .map((f) => f.split(path.sep).join("/"))
      .sort();

  async function indexOf(name: string, content: (rel: string, html: string) => string | undefined, pages: readonly string[]): Promise<Map<string, Buffer>> {
    const pagefind = await import("pagefind");
    const { index } = await pagefind.createIndex({
      forceLanguage: "en",
      excludeSelectors: [".kicker", ".outlet", ".byline time", ".byline-updated"],
      writePlayground: false,
    });
    if (index === undefined) throw new Error("no index");
    for (const rel of pages) {
      const text = content(rel, readFileSync(path.join(work, "site", rel), "utf8"));
      if (text !== undefined) expect((await index.addHTMLFile({ sourcePath: rel, content: text })).errors).toEqual([]);
    }
    await index.writeFiles({ outputPath: path.join(work, name) });
    await pagefind.close();
    return snapshotTree(path.join(work, name));
  }

  it("should give Pagefind's index of the whole pages, byte for byte", async () => {
    const pages = pagesOf(path.join(work, "site"));
    const documents = pages.filter((rel) => searchableDocument(readFileSync(path.join(work, "site", rel), "utf8"), rel) !== undefined);
    expect(documents).toContain("national/floods-hit-baghlan/index.html");
    expect(documents.length).toBeLessThan(pages.length);
    const whole = await indexOf("whole", (_rel, html) => html, pages);
    const cut = await indexOf("cut", (rel, html) => searchableDocument(html, rel), pages);
    expect([...cut.keys()]).toEqual([...whole.keys()]);
    expect([...cut].filter(([file, bytes]) => !whole.get(file)?.equals(bytes)).map(([file]) => file)).toEqual([]);
  }, 60_000);

  it("should cut every article page of the sample site without refusing one", () => {
    for (const rel of pagesOf(path.join(work, "site"))) {
      const document = searchableDocument(readFileSync(path.join(work, "site", rel), "utf8"), rel);
      if (document !== undefined)
        expect(document).toMatch(/^<!doctype html>\n<html lang="[^"]+"[^>]*><head><\/head><body><article class="article" data-pagefind-body/);
    }
  });

  it("should be written in shards listed for the search page, each a Pagefind bundle: one for a site this small", () => {
    const list = JSON.parse(readFileSync(path.join(work, "site", "pagefind", "shards.json"), "utf8")) as { shards: string[] };
    // Several shards of a growing archive: tests/search/shards.test.ts.
    expect(list.shards).toEqual(["/pagefind/00/"]);
    for (const shard of list.shards) {
      expect(shard).toMatch(/^\/pagefind\/\d\d\/$/);
      const entry = JSON.parse(readFileSync(path.join(work, "site", shard, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBeGreaterThan(0);
    }
  });
});
