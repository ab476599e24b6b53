import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PreviewPages } from "../../src/dev/preview-pages.ts";
import { writeArticlePage, writePages } from "../../src/eleventy/pages.ts";
import { loadSite } from "../../src/site/load-site.ts";
import type { SiteModel } from "../../src/site/view.ts";
import { ROOT } from "../support/cli.ts";

const SITE = path.join(ROOT, "tests/e2e/site");
let work: string;
let model: SiteModel;
const options = (outDir: string) => ({ templatesDir: path.join(ROOT, "templates"), publicDir: path.join(ROOT, "public"), outDir });
const read = (dir: string, at: string) => readFileSync(path.join(dir, at), "utf8");
const pagesIn = (outDir: string) =>
  new PreviewPages(outDir, "test", {
    pages: (m) => writePages(options(outDir), m),
    article: (site, article) => writeArticlePage(options(outDir), site, article),
  });

// Eleventy and writeArticlePage import the `.tsx` templates with Node's own import(), which knows TypeScript only through tsx, as in the CLI.
const unregister = register();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-preview-pages-"));
  model = (await loadSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T08:00:00Z") })).model;
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await unregister();
});

describe("writeArticlePage", () => {
  it("should write each article's page byte for byte as writePages does", async () => {
    const eleventy = path.join(work, "eleventy");
    const alone = path.join(work, "alone");
    await writePages(options(eleventy), model);
    for (const article of model.articles) {
      const at = await writeArticlePage(options(alone), model.site, article);
      expect(at).toBe(`${article.url.slice(1)}index.html`);
      expect(read(alone, at)).toBe(read(eleventy, at));
    }
  });
});

describe("PreviewPages", () => {
  it("should render every page once, then only the pages whose data changed, and delete the pages that are gone", async () => {
    const dir = path.join(work, "preview");
    const pages = pagesIn(dir);
    const first = await pages.show(model);
    expect(first).toContain("national/floods-hit-baghlan/index.html");
    expect(first).toContain("feed.xml");
    expect(await pages.show(model)).toEqual([]);

    const [edited, ...rest] = model.articles;
    if (edited === undefined) throw new Error("the fixture has articles");
    const changed = { ...edited, title: `${edited.title}, again` };
    const at = await pages.showArticle(model, changed);
    expect(read(dir, at)).toContain(`<h1>${changed.title}</h1>`);
    // The full update finds the page written already and leaves it; a page it no longer has is deleted.
    const gone = rest[0];
    if (gone === undefined) throw new Error("the fixture has two articles");
    const after: SiteModel = { ...model, articles: [changed, ...rest.slice(1)] };
    const written = await pages.show(after);
    expect(written).not.toContain(at);
    expect(written).toContain(`${gone.url.slice(1)}index.html`);
    expect(existsSync(path.join(dir, gone.url, "index.html"))).toBe(false);
    const eleventy = path.join(work, "after");
    await writePages(options(eleventy), after);
    expect(read(dir, at)).toBe(read(eleventy, at));
  });
});
