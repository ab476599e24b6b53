/**
 * Our writer: every page of the `*.11ty.tsx` templates, rendered as
 * Eleventy renders them (same data: `model`, a paginated template's item
 * under its alias, `page.url`; same permalinks; same HTML, which
 * tests/eleventy/write-pages.test.ts compares byte for byte), without
 * Eleventy's per-page bookkeeping: it makes a full template object per page
 * and keeps every page, data and output, until its run ends.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { outputFile } from "../io/output-file.ts";
import { outputPath } from "../site/pages.ts";
import type { RenderModel } from "../site/view.ts";
import { RenderError } from "./render-error.ts";
import type { PaginatedTemplate, Template, Templates } from "./templates.ts";

/** Render a template's result to HTML; preact escapes every text and attribute. A string (a feed) is written as is. */
export function toHtml(result: unknown): string {
  if (typeof result === "string") return result;
  return `<!doctype html>\n${renderToStaticMarkup(result as VNode)}\n`;
}

/** The list a pagination names (`model.articles`), looked up in the page's data. */
function itemsOf(data: Record<string, unknown>, key: string, template: string): readonly unknown[] {
  const items = key.split(".").reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], data);
  if (!Array.isArray(items)) throw new Error(`${template}: its pagination data \`${key}\` is not a list.`);
  return items;
}

/** The article file a page shows, when its item is an article (`ArticleView.source`). */
function sourceOf(item: unknown): string | undefined {
  const source = typeof item === "object" && item !== null ? (item as { source?: unknown }).source : undefined;
  return typeof source === "string" ? source : undefined;
}

/** The paths already written in one run: two pages at one path is a bug, said at the second. */
export class Written {
  readonly #paths = new Set<string>();
  count = 0;

  claim(at: string, by: string): void {
    if (this.#paths.has(at)) throw new Error(`internal: two pages would be written to ${at} (the second by ${by})`);
    this.#paths.add(at);
    this.count += 1;
  }

  has(at: string): boolean {
    return this.#paths.has(at);
  }
}

/**
 * Render one page of `template` from `data` into `outDir` at `url`; returns
 * where, relative to it. What the template throws comes back as a
 * `RenderError` naming it, the URL and the article file.
 */
function writePage(outDir: string, template: Template, url: string, data: Record<string, unknown>, source: string | undefined, written?: Written): string {
  const at = outputPath(url);
  written?.claim(at, template.name);
  let html: string;
  try {
    html = toHtml(template.render({ ...data, page: { url } }));
  } catch (error) {
    throw new RenderError({ template: template.name, url, source }, error);
  }
  const to = outputFile(outDir, at);
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, html);
  return at;
}

/** The URL `template` gives the page of `data`. */
function permalinkOf(template: PaginatedTemplate, data: Record<string, unknown>, source: string | undefined): string {
  let url: unknown;
  try {
    url = template.permalink(data);
  } catch (error) {
    throw new RenderError({ template: template.name, url: "(its permalink)", source }, error);
  }
  if (typeof url !== "string") throw new Error(`${template.name}: its permalink gave ${JSON.stringify(url)}, not a URL.`);
  return url;
}

/** Write one page of a paginated template for `item` (its data: `model` and the item under the alias). */
export function writeItemPage(outDir: string, template: PaginatedTemplate, model: Pick<RenderModel, "site">, item: unknown, written?: Written): string {
  const data: Record<string, unknown> = { model, [template.pagination.alias]: item };
  const source = sourceOf(item);
  return writePage(outDir, template, permalinkOf(template, data, source), data, source, written);
}

/** Write the one-off pages (front page, 404, search, sections), each from the whole model. */
export function writeOneOffPages(outDir: string, model: RenderModel, templates: Templates, written: Written): void {
  for (const template of templates.oneOff) writePage(outDir, template, template.url, { model }, undefined, written);
}

/**
 * Write one page per item of each paginated template. `onPage` hears every
 * `every` pages and after the last, each a turn given back to the event
 * loop (the preview keeps serving).
 */
export async function writePaginatedPages(
  outDir: string,
  model: RenderModel,
  templates: Templates,
  written: Written,
  onPage: (done: number) => void,
  every: number,
): Promise<number> {
  let done = 0;
  for (const template of templates.paginated) {
    for (const item of itemsOf({ model }, template.pagination.data, template.name)) {
      writeItemPage(outDir, template, model, item, written);
      done += 1;
      if (done % every === 0) {
        onPage(done);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  if (done % every !== 0) onPage(done);
  return done;
}
