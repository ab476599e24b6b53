import { rm } from "node:fs/promises";
import path from "node:path";
import { pageHash, planPages } from "../build/page-plan.ts";
import type { SitePages } from "../build/page-writer.ts";
import type { Renderer } from "../eleventy/renderer.ts";
import { outputFile } from "../io/output-file.ts";
import { type ArticlePage, outputPath, renderModel } from "../site/pages.ts";

/**
 * The preview folder and what is in it: the hash of each page as last
 * written, so that a save renders only the pages whose key changed, by the
 * same plan and renderer as a build (src/build/page-plan.ts); the preview
 * writes in place, as its server reads the folder. A page written ahead of
 * the full update (the edited article) is put right by it if it differs.
 */
export class PreviewPages {
  readonly #outDir: string;
  readonly #version: string;
  readonly #renderer: () => Promise<Renderer>;
  #current: Promise<Renderer> | undefined;
  #written = new Map<string, string>();

  /** `renderer` makes a renderer with the templates as they are now: made again after `forget`. */
  constructor(outDir: string, version: string, renderer: () => Promise<Renderer>) {
    this.#outDir = outDir;
    this.#version = version;
    this.#renderer = renderer;
  }

  #render(): Promise<Renderer> {
    return (this.#current ??= this.#renderer());
  }

  /**
   * Make the folder show `site`: render the pages whose key changed, delete
   * the pages it no longer has. Returns the files written or deleted,
   * relative to the folder: none when no page changed (the front pages,
   * written on every render, change only with a page listed there).
   */
  async show(site: SitePages): Promise<string[]> {
    const renderer = await this.#render();
    const plan = planPages(site.pages, this.#version, this.#written, renderer.beside);
    const rendered = plan.render.map((page) => outputPath(page.url));
    await this.#rendering(rendered, () => renderer.render(this.#outDir, renderModel(site.chrome, site.front, plan.render)));
    const gone = [...this.#written.keys()].filter((at) => !plan.hashes.has(at));
    await Promise.all(gone.map((at) => rm(outputFile(this.#outDir, at), { force: true })));
    this.#written = new Map(plan.hashes);
    return [...rendered.filter((at) => !renderer.beside.has(at)), ...gone];
  }

  /** Write one article's page ahead of the full update, with the site's chrome from `site`. Returns the file written. */
  async showArticle(site: SitePages, page: ArticlePage): Promise<string> {
    const renderer = await this.#render();
    const at = outputPath(page.url);
    await this.#rendering([at], () => renderer.renderPages(this.#outDir, renderModel(site.chrome, site.front, [page])));
    this.#written.set(at, pageHash(this.#version, page.key));
    return at;
  }

  /**
   * A render that fails part-way (a template error) may have written some
   * of `pages`: what they hold is no longer known, so they are rendered
   * again next time whatever their hash.
   */
  async #rendering(pages: readonly string[], render: () => Promise<unknown>): Promise<void> {
    try {
      await render();
    } catch (error) {
      for (const at of pages) this.#written.delete(at);
      throw error;
    }
  }

  /** Copy the static files again (`public/`), rendering only the pages written on every render. */
  async copyStatic(site: SitePages): Promise<void> {
    await (await this.#render()).render(this.#outDir, renderModel(site.chrome, site.front, []));
  }

  /** Forget what was written and the templates: the next `show` renders every page with the templates as they are. */
  forget(): void {
    this.#written.clear();
    this.#current = undefined;
  }

  /** Absolute paths of `files` (as `show` returns them), for the live-reload message. */
  absolute(files: readonly string[]): string[] {
    return files.map((at) => path.join(this.#outDir, at));
  }
}
