import { existsSync } from "node:fs";
import path from "node:path";
import type { SitePages } from "../build/page-writer.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { ImageJob } from "../images/encode.ts";
import { siteProblems } from "../load/load-content.ts";
import { buildSite, type Site } from "../site/build-site.ts";
import { renderOverlay } from "./overlay.ts";
import { lastGoodPreview, type ModelledPreview, type Preview } from "./preview.ts";
import type { PreviewPages } from "./preview-pages.ts";
import { provisionalArticle } from "./provisional.ts";
import type { DevSite } from "./site-state.ts";

export interface SessionOptions {
  readonly site: DevSite;
  readonly pages: PreviewPages;
  /** The moment previewed (`--now`, else the clock at each update). */
  readonly now: () => number;
  /** Folder of the page templates: a change there renders every page again. */
  readonly templatesDir: string;
  /** Folder copied as is to the site's root (CSS, fonts): a change there renders no page. */
  readonly publicDir: string;
  /** Make the next render import the templates afresh. */
  readonly forgetTemplates: () => Promise<void>;
  /** Encode resized pictures into the preview folder (cached by content). */
  readonly writeImages: (images: readonly ImageJob[]) => Promise<void>;
  /** Print a full update's diagnostics and summary. */
  readonly report: (site: ModelledPreview, seconds: number) => void;
  /** Print an internal failure; the session goes on with the next save. */
  readonly fail: (error: unknown) => void;
}

/** Tells the open pages to reload (src/eleventy/pages.ts `servePreview`). */
export type Reload = (files: readonly string[]) => void;

/**
 * One `npm run dev`: what the preview shows, brought up to date after each
 * save in two steps. First the saved article's own page (one parse and the
 * provisional page, src/dev/provisional.ts), or the error overlay if the
 * save broke it, and the browser reloads; then the whole site is related and
 * modelled again from memory and every page whose data changed is rendered
 * (other articles' sidebars and Check Also, lists, feeds), and it reloads
 * again. Saves that arrive meanwhile are queued: each gets its first step
 * before the next full update starts.
 */
export class PreviewSession {
  readonly #options: SessionOptions;
  readonly #preview = lastGoodPreview();
  #loaded!: ModelledPreview;
  #shown!: Preview;
  #overlay: string | undefined;
  #reload: Reload = () => {};
  readonly #pending = new Set<string>();
  #running: Promise<void> | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
  }

  /** The overlay to put over every page now, or undefined. */
  get overlay(): string | undefined {
    return this.#overlay;
  }

  /** Render the whole site into the preview folder. */
  async start(): Promise<void> {
    await this.#update(new Set(), performance.now());
  }

  /** Where to send live-reload messages, once the server listens. */
  attach(reload: Reload): void {
    this.#reload = reload;
  }

  /** Files the watcher saw change (absolute paths). */
  changed(paths: readonly string[]): void {
    for (const at of paths) this.#pending.add(path.resolve(at));
    this.#running ??= this.#drain().finally(() => (this.#running = undefined));
  }

  async #drain(): Promise<void> {
    const queued = new Set<string>();
    let started = performance.now();
    while (this.#pending.size > 0) {
      const batch = [...this.#pending];
      this.#pending.clear();
      if (queued.size === 0) started = performance.now();
      for (const at of batch) queued.add(at);
      // A failed first step (a file gone between the event and the read) leaves the full update to put things right.
      await this.#first(batch).catch(this.#options.fail);
      if (this.#pending.size > 0) continue;
      const done = await this.#update(queued, started).catch((error: unknown) => {
        this.#options.fail(error);
        return true;
      });
      if (done) queued.clear();
    }
  }

  /** The fast step: only for a save of one known article file. */
  async #first(batch: readonly string[]): Promise<void> {
    const { site, pages } = this.#options;
    const saved = batch.filter((at) => site.fileAt(at) !== undefined);
    if (saved.length !== 1 || batch.some((at) => this.#isTemplate(at))) return;
    const state = await site.reparse(saved[0] as string);
    if (state === undefined) return;
    const { display } = state.file;
    const others = this.#loaded.diagnostics.filter((d) => d.file !== display);
    if (hasErrors(state.diagnostics) || hasErrors(others)) {
      const sources = new Map(this.#loaded.sources);
      if (state.source !== undefined) sources.set(display, state.source);
      this.#showOverlay(renderOverlay([...others, ...state.diagnostics], sources));
      return;
    }
    if (state.article === undefined) return;
    const shown = this.#shown.built;
    const page = provisionalArticle(state.article, (slug) => site.articleBySlug(slug), site.config, this.#options.now(), shown);
    if (page === undefined) return;
    this.#overlay = undefined;
    const written = await pages.showArticle(sitePages(shown.site, shown.pages), page);
    this.#reload(pages.absolute([written]));
  }

  #showOverlay(overlay: string | undefined): void {
    if (overlay === this.#overlay) return;
    this.#overlay = overlay;
    // Every page changes (the overlay is put in as each is served): a reload with no file named reloads whichever is open.
    this.#reload([]);
  }

  #isTemplate(at: string): boolean {
    return !path.relative(this.#options.templatesDir, at).startsWith("..");
  }

  #isStatic(at: string): boolean {
    return !path.relative(this.#options.publicDir, at).startsWith("..");
  }

  /**
   * The full step: relate and model from memory, render what changed.
   * False when saves arrived while the site was being related (seconds at
   * 10,000 articles): their first step goes first, and this update is done
   * again with them rather than render pages already out of date.
   */
  async #update(changed: ReadonlySet<string>, started: number): Promise<boolean> {
    const { site, pages } = this.#options;
    if (changed.size > 0 && [...changed].every((at) => this.#isStatic(at))) {
      await pages.copyStatic(sitePages(this.#shown.built.site, []));
      // Stylesheets alone are swapped in the open page without a reload.
      this.#reload([...changed]);
      return true;
    }
    if ([...changed].some((at) => this.#isTemplate(at))) {
      await this.#options.forgetTemplates();
      pages.forget();
    }
    const overlayBefore = this.#overlay;
    const content = await site.refresh(changed);
    // The same model as a build's, from what is in memory.
    const built = buildSite({ articles: content.articles, config: content.config, now: this.#options.now(), unreadable: content.unreadable });
    const loaded = { built, ...siteProblems(content, built.diagnostics) };
    this.#loaded = loaded;
    this.#shown = this.#preview(loaded);
    this.#overlay = this.#shown.overlay;
    if (this.#pending.size > 0) return false;
    const shown = this.#shown.built;
    // The version shown may be the last that built (another file has an error): pictures deleted since are not copied.
    await this.#options.writeImages(shown.site.images.filter((job) => existsSync(job.source)));
    const written = await pages.show(sitePages(shown.site, shown.pages));
    this.#options.report(loaded, (performance.now() - started) / 1000);
    // A save that changed nothing shown (a draft in `_drafts/`, the same text again) leaves the open page alone.
    if (written.length > 0 || this.#overlay !== overlayBefore) this.#reload(pages.absolute(written));
    return true;
  }
}

function sitePages(site: Site, pages: SitePages["pages"]): SitePages {
  return { chrome: site.chrome, front: site.front, pages };
}
