import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelSite } from "../../src/build/build.ts";
import type { SitePages } from "../../src/build/page-writer.ts";
import { PreviewPages } from "../../src/dev/preview-pages.ts";
import { eleventyRenderer } from "../../src/eleventy/pages.ts";
import type { BuiltSite } from "../../src/site/build-site.ts";
import { type ArticlePage, renderModel } from "../../src/site/pages.ts";
import { ROOT } from "../support/cli.ts";

const SITE = path.join(ROOT, "tests/e2e/site");
let work: string;
let built: BuiltSite;
const renderer = () => eleventyRenderer({ templatesDir: path.join(ROOT, "templates"), publicDir: path.join(ROOT, "public") });
const read = (dir: string, at: string) => readFileSync(path.join(dir, at), "utf8");
const sitePages = (pages: SitePages["pages"]): SitePages => ({ chrome: built.site.chrome, front: built.site.front, pages });
const articlePages = () => built.pages.filter((p): p is ArticlePage => p.template === "article");

// Eleventy and the page loop import the `.tsx` templates with Node's own import(), which knows TypeScript only through tsx, as in the CLI.
const unregister = register();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-preview-pages-"));
  const modelled = await modelSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T08:00:00Z") });
  if (modelled.kind !== "modelled") throw new Error("the fixture has errors");
  built = modelled.built;
});

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await unregister();
});

describe("renderPages", () => {
  it("should write each article's page alone byte for byte as a whole render does", async () => {
    const whole = path.join(work, "whole");
    const alone = path.join(work, "alone");
    const render = await renderer();
    await render.render(whole, renderModel(built.site.chrome, built.site.front, built.pages));
    for (const page of articlePages()) {
      await render.renderPages(alone, renderModel(built.site.chrome, built.site.front, [page]));
      const at = `${page.url.slice(1)}index.html`;
      expect(read(alone, at)).toBe(read(whole, at));
    }
  });
});

describe("PreviewPages", () => {
  it("should render every page once, then only the pages whose key changed, and delete the pages that are gone", async () => {
    const dir = path.join(work, "preview");
    const pages = new PreviewPages(dir, "test", renderer);
    const first = await pages.show(sitePages(built.pages));
    expect(first).toContain("national/floods-hit-baghlan/index.html");
    expect(first).toContain("feed.xml");
    expect(await pages.show(sitePages(built.pages))).toEqual([]);

    const [edited, gone] = articlePages();
    if (edited === undefined || gone === undefined) throw new Error("the fixture has two articles");
    const view = { ...edited.view(), title: `${edited.view().title}, again` };
    const changed: ArticlePage = { ...edited, key: `${edited.key}, again`, view: () => view };
    const at = await pages.showArticle(sitePages(built.pages), changed);
    expect(read(dir, at)).toContain(`<h1>${view.title}</h1>`);
    // The full update finds the page written already under its key and leaves it; a page it no longer has is deleted.
    const after = built.pages.filter((p) => p !== gone).map((p) => (p === edited ? changed : p));
    const written = await pages.show(sitePages(after));
    expect(written).not.toContain(at);
    expect(written).toContain(`${gone.url.slice(1)}index.html`);
    expect(existsSync(path.join(dir, gone.url, "index.html"))).toBe(false);
    const whole = path.join(work, "after");
    await (await renderer()).render(whole, renderModel(built.site.chrome, built.site.front, after));
    expect(read(dir, at)).toBe(read(whole, at));
  });
});
