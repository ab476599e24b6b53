import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eleventyRenderer, writePages } from "../../src/eleventy/pages.ts";
import { modelSite } from "../../src/build/build.ts";
import { outputPath, renderModel } from "../../src/site/pages.ts";
import type { RenderModel } from "../../src/site/view.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SITE = path.join(ROOT, "tests/e2e/site");
const TEMPLATES = path.join(ROOT, "templates");
const PUBLIC = path.join(ROOT, "public");
const work = mkdtempSync(path.join(tmpdir(), "newsroom-write-pages-"));
let model: RenderModel;
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  // Eleventy and writePages import the `.tsx` templates themselves, past vitest's transform: give them tsx's loader, as the CLI runs with.
  (await import("tsx/esm/api")).register();
  const modelled = await modelSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
  if (modelled.kind !== "modelled") throw new Error("the fixture has errors");
  model = renderModel(modelled.built.site.chrome, modelled.built.site.front, modelled.built.pages);
});

/** Every file under `dir`, relative path → bytes as text. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"), readFileSync(path.join(e.parentPath, e.name), "latin1")]));
}

/** Every page of the templates as Eleventy itself renders them, pagination included, from the same model. */
async function eleventyAlone(outDir: string, site: RenderModel): Promise<void> {
  const eleventy = new Eleventy(TEMPLATES, outDir, {
    quietMode: true,
    config(config: { addExtension(e: string[], o: object): void; setTemplateFormats(f: string[]): void; addGlobalData(n: string, v: unknown): void }) {
      config.addExtension(["11ty.tsx"], {
        key: "11ty.js",
        compile: () =>
          async function (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) {
            const result = await this.defaultRenderer(data);
            return typeof result === "string" ? result : `<!doctype html>\n${renderToStaticMarkup(result as VNode)}\n`;
          },
      });
      config.setTemplateFormats(["11ty.tsx"]);
      config.addGlobalData("model", () => site);
    },
  });
  await eleventy.write();
}

describe("writePages", () => {
  it("should write every page byte for byte as Eleventy's own pagination of the same templates does, and besides them only public/", async () => {
    const reference = path.join(work, "eleventy");
    const ours = path.join(work, "ours");
    await eleventyAlone(reference, model);
    const { written } = await writePages({ templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: ours }, model);
    const expected = tree(reference);
    const got = tree(ours);
    // And the one-off pages: the front page, 404, search and the sections index.
    expect(expected.size).toBe(model.articles.length + model.listPages.length + model.files.length + 4);
    expect(written).toBe(expected.size);
    for (const [rel, bytes] of expected) expect(got.get(rel), rel).toBe(bytes);
    const beside = [...got.keys()].filter((rel) => !expected.has(rel)).sort();
    // Nothing of an article's folder: its pictures are encoded apart (src/images/encode.ts).
    const copied = [...tree(PUBLIC).keys()].sort();
    expect(beside).toEqual(copied);
  });

  it("should report the pages written of all before the first, every `reportEvery` pages and after the last", async () => {
    const total = model.articles.length + model.listPages.length + model.files.length;
    const reported: [number, number][] = [];
    await writePages({ templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: path.join(work, "progress"), reportEvery: 4 }, model, (done, all) => reported.push([done, all]));
    const steps = Array.from({ length: Math.ceil(total / 4) }, (_, i) => Math.min(4 * (i + 1), total));
    expect(steps.length).toBeGreaterThan(3);
    expect(reported).toEqual([0, ...steps].map((done) => [done, total]));
  });

  it("should refuse to write two pages to one path, among its own pages or over a one-off page", async () => {
    const [article] = model.articles;
    const [list] = model.listPages;
    if (article === undefined || list === undefined) throw new Error("the fixture has articles and lists");
    const options = { templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: path.join(work, "twice") };
    await expect(writePages(options, { ...model, articles: [article, { ...article, title: "Another" }] })).rejects.toThrow(
      `two pages would be written to ${article.url.slice(1)}index.html`,
    );
    await expect(writePages(options, { ...model, listPages: [{ ...list, url: "/search/" }] })).rejects.toThrow("two pages would be written to search/index.html");
  });
});

describe("eleventyRenderer", () => {
  it("should name every file it writes besides the model's pages, so that none of them is ever carried over as a link", async () => {
    const out = path.join(work, "renderer");
    const renderer = await eleventyRenderer({ templatesDir: TEMPLATES, publicDir: PUBLIC });
    await renderer.render(out, model);
    const hashes = new Set([...model.articles, ...model.listPages, ...model.files].map((page) => outputPath(page.url)));
    const besidePages = [...tree(out).keys()].filter((rel) => !hashes.has(rel));
    expect(besidePages.length).toBeGreaterThan(3);
    expect(besidePages.filter((rel) => !renderer.beside.has(rel))).toEqual([]);
    for (const rel of ["index.html", "404.html", "search/index.html", "css/site.css"]) expect(renderer.beside.has(rel)).toBe(true);
  });
});
