/**
 * The pages of a site, from its model: what the rest of the generator asks
 * of `src/eleventy/`. Our writer renders every page of the `*.11ty.tsx`
 * templates (render-pages.ts); Eleventy copies `public/` and renders the
 * one-off pages written in its own template languages (eleventy-run.ts).
 * docs/architecture.md says why it is shared so.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { RenderModel } from "../site/view.ts";
import { runEleventy } from "./eleventy-run.ts";
import { Written, writeOneOffPages, writePaginatedPages } from "./render-pages.ts";
import type { PagesProgress, Renderer } from "./renderer.ts";
import { loadTemplates } from "./templates.ts";

export { forgetTemplates } from "./templates.ts";

export interface PagesOptions {
  /** Folder of page templates: `*.11ty.tsx`, and any in Eleventy's own languages. */
  readonly templatesDir: string;
  /** Folder copied as is to the output root. */
  readonly publicDir: string;
  readonly outDir: string;
  /** Pages between progress reports (default REPORT_EVERY). */
  readonly reportEvery?: number;
}

/** Pages between progress reports, and between turns given back to the event loop (the preview keeps serving). */
export const REPORT_EVERY = 250;

/**
 * Write every page of `model` into `options.outDir`: ours (the one-off
 * pages, then the paginated ones), then Eleventy's run.
 * `onPage` gets the model's pages (articles, lists, files) written so far
 * and their total: before the first, every `reportEvery`, and after the last.
 */
export async function writePages(options: PagesOptions, model: RenderModel, onPage?: PagesProgress): Promise<{ written: number }> {
  const templates = await loadTemplates(options.templatesDir);
  const total = model.articles.length + model.listPages.length + model.files.length + model.gone.length + model.lite.length;
  onPage?.(0, total);
  const written = new Written();
  writeOneOffPages(options.outDir, model, templates, written);
  const ours = written.count;
  const paged = await writePaginatedPages(options.outDir, model, templates, written, (done) => onPage?.(done, total), options.reportEvery ?? REPORT_EVERY);
  const theirs = await runEleventy(options.templatesDir, options.publicDir, options.outDir, model, written);
  return { written: ours + paged + theirs };
}

/**
 * Our pages as the page writer's renderer (src/build/page-writer.ts): what
 * is written besides the model's pages are the one-off pages and the files
 * of `public/`. (A page Eleventy renders from a template in its own
 * language is moved into place, never written into a carried-over link.)
 */
export async function eleventyRenderer(options: Omit<PagesOptions, "outDir">): Promise<Renderer> {
  const publicFiles = await readdir(options.publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const templates = await loadTemplates(options.templatesDir);
  const beside = new Set([
    ...templates.oneOff.map((t) => t.at),
    ...publicFiles.filter((f) => !f.isDirectory()).map((f) => path.relative(options.publicDir, path.join(f.parentPath, f.name)).split(path.sep).join("/")),
  ]);
  return {
    render: (outDir, pages, progress) => writePages({ ...options, outDir }, pages, progress),
    renderPages: async (outDir, pages) => ({
      written: await writePaginatedPages(outDir, pages, templates, new Written(), () => {}, options.reportEvery ?? REPORT_EVERY),
    }),
    beside,
  };
}
