import path from "node:path";
import type { PagesProgress, Renderer } from "../eleventy/renderer.ts";
import { pagesVersion } from "../io/pipeline-version.ts";
import { type Stamp, withdraw } from "../io/previous-output.ts";
import type { Page } from "../site/pages.ts";
import { renderModel } from "../site/pages.ts";
import type { FrontPages, SiteView } from "../site/view.ts";
import { carryOverAside } from "./carry-aside.ts";
import { type Entry, previousPages, recordPages } from "./page-manifest.ts";
import { type PagePlan, planPages } from "./page-plan.ts";

/** The site's pages as the model lists them, with what every page shares. */
export interface SitePages {
  readonly chrome: SiteView;
  readonly front: FrontPages;
  readonly pages: readonly Page[];
}

export interface PagesWritten {
  readonly written: number;
  readonly rendered: number;
  readonly carried: number;
  /** Article pages rendered: the only ones whose views were made for their pages. */
  readonly articles: number;
}

export interface PageWriter {
  /**
   * Render the pages that changed into `dir`, link the rest from the
   * previous output; returns the files written. `progress` counts both.
   */
  write(dir: string, site: SitePages, progress?: PagesProgress): Promise<PagesWritten>;
  /**
   * Once `dir` has its pages: remember them for the next build. Returns the
   * stamp of each page remembered (none without a cache folder).
   */
  record(dir: string): Promise<ReadonlyMap<string, Stamp>>;
}

/**
 * Incremental page writing for one build into `outDir` by `renderer`.
 * Without a cache folder every page is rendered, and nothing is remembered.
 */
export async function pageWriter(root: string, cacheFolder: string | undefined, outDir: string, renderer: Renderer): Promise<PageWriter> {
  const version = pagesVersion(root);
  const manifest = cacheFolder === undefined ? undefined : path.join(cacheFolder, "pages.json");
  const recorded = manifest === undefined ? new Map<string, Entry>() : await previousPages(manifest, outDir, version);
  const previous = new Map([...recorded].filter(([rel]) => !renderer.beside.has(rel)));
  let plan: PagePlan | undefined;
  let linked = new Map<string, Entry>();
  return {
    async write(dir, { chrome, front, pages }, progress) {
      const candidates = [...previous.keys()];
      // Every page the previous output still holds as it was is linked into `dir` on another thread
      // while this one plans; those found changed or gone are taken out again before anything is
      // rendered, so nothing is ever written into a link to the published output.
      const linking = await carryOverAside(root, { from: path.resolve(outDir), to: dir, paths: candidates });
      let planned: PagePlan;
      try {
        planned = planPages(pages, version, new Map(candidates.map((rel) => [rel, (previous.get(rel) as Entry).hash])), renderer.beside);
      } catch (error) {
        // The thread is done with `dir` before the caller removes it.
        await linking.linked.catch(() => undefined);
        throw error;
      }
      plan = planned;
      const links = await linking.linked;
      const carry = new Set(planned.carry);
      withdraw(
        dir,
        candidates.filter((rel) => !carry.has(rel)),
      );
      // Rendered pages as the renderer reports them; the carried ones all at once at the end.
      let total = planned.carry.length;
      const rendering = progress && ((done: number, toRender: number) => progress(done, (total = toRender + planned.carry.length)));
      const { written } = await renderer.render(dir, renderModel(chrome, front, planned.render), rendering);
      if (planned.carry.length > 0) progress?.(total, total);
      linked = new Map([...links].filter((rel) => carry.has(rel)).map((rel) => [rel, previous.get(rel) as Entry]));
      const articles = planned.render.filter((page) => page.template === "article").length;
      return { written: written + planned.carry.length, rendered: written, carried: planned.carry.length, articles };
    },
    async record(dir) {
      if (plan === undefined) throw new Error("internal: pages recorded before they were written");
      return manifest === undefined ? new Map() : recordPages(manifest, outDir, dir, version, plan.hashes, linked);
    },
  };
}
