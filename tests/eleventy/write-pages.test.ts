import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageHashes } from "../../src/build/page-plan.ts";
import { eleventyRenderer, splitModel, writePages } from "../../src/eleventy/pages.ts";
import { loadSite } from "../../src/site/load-site.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SITE = path.join(ROOT, "tests/e2e/site");
const work = mkdtempSync(path.join(tmpdir(), "newsroom-write-pages-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Eleventy imports the `.tsx` templates itself, past vitest's transform: give it tsx's loader, as the CLI runs with.
beforeAll(async () => (await import("tsx/esm/api")).register());

/** Every file under `dir`, relative path → bytes as text. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), "latin1")]));
}

describe("writePages in several Eleventy runs", () => {
  it("should cut a model into runs of at most the given number of pages, every page in exactly one", async () => {
    const { model } = await loadSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
    const runs = splitModel(model, 3);
    const urls = (pick: (m: typeof model) => readonly { url: string }[]) => runs.flatMap((r) => pick(r).map((p) => p.url));
    expect(urls((m) => m.articles)).toEqual(model.articles.map((a) => a.url));
    expect(urls((m) => m.listPages)).toEqual(model.listPages.map((l) => l.url));
    expect(urls((m) => m.files)).toEqual(model.files.map((f) => f.url));
    for (const run of runs) expect(run.articles.length + run.listPages.length + run.files.length).toBeLessThanOrEqual(3);
    expect(splitModel({ ...model, articles: [], listPages: [], files: [] }, 3)).toHaveLength(1);
  });

  it("should write the same files, byte for byte, in one run or in many, and each once", async () => {
    const { model } = await loadSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
    const options = { templatesDir: path.join(ROOT, "templates"), publicDir: path.join(ROOT, "public") };
    const one = await writePages({ ...options, outDir: path.join(work, "one"), pagesPerRun: 100_000 }, model);
    const reported: [number, number][] = [];
    const many = await writePages({ ...options, outDir: path.join(work, "many"), pagesPerRun: 3 }, model, (done, total) => reported.push([done, total]));
    expect(splitModel(model, 3).length).toBeGreaterThan(3);
    // Before the first run and after each: the model's pages written so far, of all.
    const total = model.articles.length + model.listPages.length + model.files.length;
    expect(reported).toEqual([0, ...splitModel(model, 3).map((_, i) => Math.min(3 * (i + 1), total))].map((done) => [done, total]));
    // The front page, 404 and search page are written by the first run only: counted once.
    expect(many.written).toBe(one.written);
    const a = tree(path.join(work, "one"));
    expect(a.has("index.html") && a.has("404.html") && a.has("search/index.html")).toBe(true);
    expect(tree(path.join(work, "many"))).toEqual(a);
  });
});

describe("eleventyRenderer", () => {
  it("should name every file it writes besides the model's pages and assets, so that none of them is ever carried over as a link", async () => {
    const { model } = await loadSite({ contentDir: path.join(SITE, "content"), siteFile: path.join(SITE, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
    const out = path.join(work, "renderer");
    const renderer = await eleventyRenderer({ templatesDir: path.join(ROOT, "templates"), publicDir: path.join(ROOT, "public") });
    await renderer.render(out, model);
    const hashes = pageHashes(model, "v");
    const assets = new Set(model.assets.map((asset) => asset.to));
    const besidePages = [...tree(out).keys()].map((rel) => rel.split(path.sep).join("/")).filter((rel) => !hashes.has(rel) && !assets.has(rel));
    expect(besidePages.length).toBeGreaterThan(3);
    expect(besidePages.filter((rel) => !renderer.beside.has(rel))).toEqual([]);
    for (const rel of ["index.html", "404.html", "search/index.html", "css/site.css"]) expect(renderer.beside.has(rel)).toBe(true);
  });
});
