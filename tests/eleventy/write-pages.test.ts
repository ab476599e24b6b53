import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelSite } from "../../src/build/build.ts";
import { eleventyRenderer, forgetTemplates, writePages } from "../../src/eleventy/pages.ts";
import { outputPath, renderModel } from "../../src/site/pages.ts";
import type { ArticleView, RenderModel } from "../../src/site/view.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SITE = path.join(ROOT, "tests/e2e/site");
const TEMPLATES = path.join(ROOT, "templates");
const PUBLIC = path.join(ROOT, "public");
const work = mkdtempSync(path.join(tmpdir(), "newsroom-write-pages-"));
let model: RenderModel;
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  // Eleventy imports the `.tsx` templates itself, past vitest's transform: give it tsx's loader, as the CLI runs with.
  (await import("tsx/esm/api")).register();
  // The fixture, with a live story running its breaking strip and a story taken down: every kind of page and chrome.
  const site = path.join(work, "site");
  cpSync(SITE, site, { recursive: true });
  const story = (fields: string, body: string) =>
    `---\ntitle: ${fields.split("\n")[0]}\ndate: 2026-11-24T10:00:00+04:30\n${fields.split("\n").slice(1).join("\n")}\n---\n${body}\n`;
  writeFileSync(
    path.join(site, "content/world/quake-live.md"),
    story(
      "Quake strikes Herat\nlive: true\nbreaking: Quake strikes Herat\nbreaking_until: 2026-11-24T20:00:00+04:30",
      "Latest news.\n\n## 12:10 Rescue teams arrive\n\nTeams arrived.\n\n## 10:05\n\nThe quake struck.",
    ),
  );
  writeFileSync(path.join(site, "content/world/taken-down.md"), story("Taken down\nexpires: 2026-11-24T11:00:00+04:30", "Gone."));
  const modelled = await modelSite({ contentDir: path.join(site, "content"), siteFile: path.join(site, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
  if (modelled.kind !== "modelled") throw new Error("the fixture has errors");
  model = renderModel(modelled.built.site.chrome, modelled.built.site.front, modelled.built.pages);
});

/** Every file under `dir`, relative path → bytes as text. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"), readFileSync(path.join(e.parentPath, e.name), "latin1")]),
  );
}

interface Rendered {
  readonly inputPath: string;
  readonly outputPath: string;
  readonly content: string;
}

/**
 * Every page of `templates` as Eleventy itself renders them, its pagination
 * included, from the same model: the templates' reference renderer. Output
 * path (relative to `outDir`) → the page and the template it came from.
 */
async function eleventyAlone(templates: string, outDir: string, site: RenderModel): Promise<Map<string, Rendered>> {
  const eleventy = new Eleventy(templates, outDir, {
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
      config.setTemplateFormats(["11ty.tsx", "njk", "md", "liquid", "11ty.js"]);
      config.addGlobalData("model", () => site);
    },
  });
  eleventy.disableLogger();
  const pages = (await eleventy.toJSON()) as unknown as Rendered[];
  return new Map(pages.map((p) => [path.relative(outDir, p.outputPath).split(path.sep).join("/"), p]));
}

/** A copy of the templates folder to edit, in a project of its own whose `../src` imports still reach ours. */
function templatesCopy(name: string): string {
  const root = path.join(work, name);
  mkdirSync(root);
  cpSync(TEMPLATES, path.join(root, "templates"), { recursive: true });
  for (const file of ["package.json", "tsconfig.json"]) cpSync(path.join(ROOT, file), path.join(root, file));
  symlinkSync(path.join(ROOT, "src"), path.join(root, "src"), "dir");
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return path.join(root, "templates");
}

describe("writePages", () => {
  it("should write every page of every template byte for byte as Eleventy renders the same templates, and besides them only public/", async () => {
    const ours = path.join(work, "ours");
    const expected = await eleventyAlone(TEMPLATES, path.join(work, "eleventy"), model);
    const { written } = await writePages({ templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: ours }, model);
    const got = tree(ours);
    // Every kind of page is in the comparison: each template, each kind of list.
    const templates = readdirSync(TEMPLATES).filter((name) => name.endsWith(".11ty.tsx"));
    expect(new Set([...expected.values()].map((p) => path.basename(p.inputPath)))).toEqual(new Set(templates));
    expect(new Set(model.listPages.map((l) => l.kind))).toEqual(new Set(["section", "tag", "author", "outlet", "archive", "corrections"]));
    // The one-off pages too: the front page, 404, search and the sections index.
    expect(model.gone.length).toBe(1);
    expect(model.site.breaking?.url).toBe("/world/quake-live/");
    expect(model.lite.length).toBeGreaterThan(model.articles.length);
    expect(expected.size).toBe(model.articles.length + model.listPages.length + model.files.length + model.gone.length + model.lite.length + 4);
    for (const rel of ["index.html", "404.html", "search/index.html", "sections/index.html"]) expect(expected.has(rel), rel).toBe(true);
    expect(written).toBe(expected.size);
    for (const [rel, page] of expected) expect(got.get(rel), rel).toBe(Buffer.from(page.content).toString("latin1"));
    const beside = [...got.keys()].filter((rel) => !expected.has(rel)).sort();
    // Nothing of an article's folder: its pictures are encoded apart (src/images/encode.ts).
    expect(beside).toEqual([...tree(PUBLIC).keys()].sort());
  });

  it("should report the pages written of all before the first, every `reportEvery` pages and after the last", async () => {
    const total = model.articles.length + model.listPages.length + model.files.length + model.gone.length + model.lite.length;
    const reported: [number, number][] = [];
    await writePages({ templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: path.join(work, "progress"), reportEvery: 4 }, model, (done, all) =>
      reported.push([done, all]),
    );
    const steps = Array.from({ length: Math.ceil(total / 4) }, (_, i) => Math.min(4 * (i + 1), total));
    expect(steps.length).toBeGreaterThan(3);
    expect(reported).toEqual([0, ...steps].map((done) => [done, total]));
  });

  it("should refuse to write two pages to one path, among its own pages, over a one-off page or over a file of public/", async () => {
    const [article] = model.articles;
    const [list] = model.listPages;
    if (article === undefined || list === undefined) throw new Error("the fixture has articles and lists");
    const options = { templatesDir: TEMPLATES, publicDir: PUBLIC, outDir: path.join(work, "twice") };
    await expect(writePages(options, { ...model, articles: [article, { ...article, title: "Another" }] })).rejects.toThrow(
      `two pages would be written to ${article.url.slice(1)}index.html`,
    );
    await expect(writePages(options, { ...model, listPages: [{ ...list, url: "/search/" }] })).rejects.toThrow("two pages would be written to search/index.html");
    await expect(writePages(options, { ...model, files: [{ url: "/css/site.css", body: "x" }] })).rejects.toThrow("two pages would be written to css/site.css");
  });
});

describe("a one-off page in one of Eleventy's own template languages", () => {
  it("should be rendered by Eleventy with the model as `model`, as Eleventy alone renders it, beside our pages", async () => {
    const templates = templatesCopy("languages");
    writeFileSync(
      path.join(templates, "about.njk"),
      "---\npermalink: /about/\n---\n<h1>About {{ model.site.name }}</h1>\n<p>{{ model.articles | length }} articles</p>\n",
    );
    writeFileSync(path.join(templates, "colophon.md"), "---\npermalink: /colophon/\n---\n# Colophon of {{ model.site.name }}\n\nSet in *system fonts*.\n");
    writeFileSync(path.join(templates, "masthead.liquid"), "---\npermalink: /masthead.txt\n---\n{{ model.site.name }} masthead\n");
    writeFileSync(
      path.join(templates, "legal.11ty.js"),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a designer's template, as text
      'export const data = { permalink: "/legal/" };\nexport function render({ model }) { return `<p>Legal: ${model.site.name}</p>`; }\n',
    );
    const out = path.join(work, "languages-out");
    const { written } = await writePages({ templatesDir: templates, publicDir: PUBLIC, outDir: out }, model);
    const got = tree(out);
    const name = model.site.name;
    expect(got.get("about/index.html")).toBe(`<h1>About ${name}</h1>\n<p>${model.articles.length} articles</p>\n`);
    expect(got.get("colophon/index.html")).toBe(`<h1>Colophon of ${name}</h1>\n<p>Set in <em>system fonts</em>.</p>\n`);
    expect(got.get("masthead.txt")).toBe(`${name} masthead\n`);
    expect(got.get("legal/index.html")).toBe(`<p>Legal: ${name}</p>`);
    // And every other page as before, as Eleventy alone renders the templates they share.
    const expected = await eleventyAlone(TEMPLATES, path.join(work, "languages-eleventy"), model);
    expect(written).toBe(expected.size + 4);
    for (const [rel, page] of expected) expect(got.get(rel), rel).toBe(Buffer.from(page.content).toString("latin1"));
    // Eleventy's own folder is gone once its files are in place.
    expect([...got.keys()].filter((rel) => rel.startsWith(".eleventy"))).toEqual([]);
  });

  it("should be refused on a path one of our pages has", async () => {
    const templates = templatesCopy("clash");
    writeFileSync(path.join(templates, "home.njk"), "---\npermalink: /index.html\n---\nanother front page\n");
    await expect(writePages({ templatesDir: templates, publicDir: PUBLIC, outDir: path.join(work, "clash-out") }, model)).rejects.toThrow(
      "two pages would be written to index.html",
    );
  });
});

/** One article's page alone, as the preview writes it after a save (the templates as a renderer made now reads them). */
async function writeArticlePage(options: { templatesDir: string; publicDir: string; outDir: string }, article: ArticleView): Promise<void> {
  const renderer = await eleventyRenderer(options);
  await renderer.renderPages(options.outDir, { ...model, articles: [article], listPages: [], files: [] });
}

describe("forgetTemplates", () => {
  it("should make the next render read a changed component afresh, and not before", async () => {
    const templates = templatesCopy("fresh");
    const [article] = model.articles;
    if (article === undefined) throw new Error("the fixture has articles");
    const options = { templatesDir: templates, publicDir: PUBLIC, outDir: path.join(work, "fresh-out") };
    const file = path.join(options.outDir, `${article.url.slice(1)}index.html`);
    await writeArticlePage(options, article);
    const before = readFileSync(file, "utf8");
    const layout = path.join(templates, "_components/Layout.tsx");
    const source = readFileSync(layout, "utf8");
    const edited = source.replace(/<footer([^>]*)>/, '<footer$1><p class="marker">edited component</p>');
    expect(edited).not.toBe(source);
    writeFileSync(layout, edited);
    await writeArticlePage(options, article);
    expect(readFileSync(file, "utf8")).toBe(before);
    await forgetTemplates(templates);
    await writeArticlePage(options, article);
    expect(readFileSync(file, "utf8")).toContain('<p class="marker">edited component</p>');
  });
});

describe("eleventyRenderer", () => {
  it("should name every file it writes besides the model's pages, so that none of them is ever carried over as a link", async () => {
    const out = path.join(work, "renderer");
    const renderer = await eleventyRenderer({ templatesDir: TEMPLATES, publicDir: PUBLIC });
    await renderer.render(out, model);
    const hashes = new Set([...model.articles, ...model.listPages, ...model.files, ...model.gone, ...model.lite].map((page) => outputPath(page.url)));
    const besidePages = [...tree(out).keys()].filter((rel) => !hashes.has(rel));
    expect(besidePages.length).toBeGreaterThan(3);
    expect(besidePages.filter((rel) => !renderer.beside.has(rel))).toEqual([]);
    for (const rel of ["index.html", "404.html", "search/index.html", "css/site.css"]) expect(renderer.beside.has(rel)).toBe(true);
  });
});
