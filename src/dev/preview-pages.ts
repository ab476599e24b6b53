import { rm } from "node:fs/promises";
import path from "node:path";
import { outputFile } from "../build/output-file.ts";
import { outputPath, pageHashes, planPages } from "../build/page-plan.ts";
import type { ArticleView, SiteModel, SiteView } from "../site/view.ts";

/** How pages get into the folder (src/eleventy/pages.ts). */
export interface Renderers {
  /** Render a model's pages (`writePages`). */
  readonly pages: (model: SiteModel) => Promise<unknown>;
  /** Render one article's page alone, as `pages` would (`writeArticlePage`). */
  readonly article: (site: SiteView, article: ArticleView) => Promise<unknown>;
}

/**
 * The preview folder and what is in it: the hash of each planned page as
 * last written (src/build/page-plan.ts), so that a save renders only the
 * pages whose data changed, as a warm build does, and a page written ahead
 * of the full update (the edited article) is put right by it if it differs.
 */
export class PreviewPages {
  readonly #outDir: string;
  readonly #version: string;
  readonly #render: Renderers;
  #written = new Map<string, string>();

  constructor(outDir: string, version: string, render: Renderers) {
    this.#outDir = outDir;
    this.#version = version;
    this.#render = render;
  }

  /**
   * Make the folder show `model`: render the pages whose data changed,
   * delete the pages it no longer has. Returns the planned files written
   * or deleted, relative to the folder: none when no page changed.
   */
  async show(model: SiteModel): Promise<string[]> {
    const plan = planPages(model, this.#version, this.#written);
    const rendered = [...plan.render.articles, ...plan.render.listPages, ...plan.render.files].map((page) => outputPath(page.url));
    await this.#rendering(rendered, () => this.#render.pages(plan.render));
    const gone = [...this.#written.keys()].filter((at) => !plan.hashes.has(at));
    await Promise.all(gone.map((at) => rm(outputFile(this.#outDir, at), { force: true })));
    this.#written = new Map(plan.hashes);
    // Pages outside the plan (front page, 404, search) are written on every render, and change only with a page inside it.
    return [...rendered, ...gone];
  }

  /** Write one article's page ahead of the full update, with the site's chrome from `model`. Returns the file written. */
  async showArticle(model: SiteModel, article: ArticleView): Promise<string> {
    await this.#rendering([outputPath(article.url)], () => this.#render.article(model.site, article));
    for (const [at, hash] of pageHashes({ ...model, articles: [article], listPages: [], files: [] }, this.#version)) this.#written.set(at, hash);
    return outputPath(article.url);
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
  async copyStatic(model: SiteModel): Promise<void> {
    await this.#render.pages({ ...model, articles: [], listPages: [], files: [] });
  }

  /** Forget what was written: the next `show` renders every page (the templates changed). */
  forget(): void {
    this.#written.clear();
  }

  /** Absolute paths of `files` (as `show` returns them), for the live-reload message. */
  absolute(files: readonly string[]): string[] {
    return files.map((at) => path.join(this.#outDir, at));
  }
}
