import path from "node:path";
import type { SiteModel } from "../site/view.ts";
import { type Entry, previousPages, recordPages } from "./page-manifest.ts";
import { planPages } from "./page-plan.ts";
import { carryOver, type Stamp } from "./previous-output.ts";
import { pagesVersion } from "./pipeline-version.ts";

/** Pages written so far and all there are to write, as the writer goes. */
export type PagesProgress = (done: number, total: number) => void;

export interface PageWriter {
  /**
   * Render the pages that changed with `render` into `dir` (which reports its
   * progress to the callback it is given), link the rest from the previous
   * output; returns the files written. `progress` counts both.
   */
  write(
    dir: string,
    render: (model: SiteModel, progress?: PagesProgress) => Promise<{ written: number }>,
    progress?: PagesProgress,
  ): Promise<{ written: number; rendered: number; carried: number }>;
  /**
   * Once `dir` has its pages: remember them for the next build. Returns the
   * stamp of each page remembered (none without a cache folder).
   */
  record(dir: string): Promise<ReadonlyMap<string, Stamp>>;
}

/**
 * Incremental page writing for one build into `outDir`. Without a cache
 * folder every page is rendered, and nothing is remembered.
 */
export async function pageWriter(root: string, cacheFolder: string | undefined, outDir: string, model: SiteModel): Promise<PageWriter> {
  const version = pagesVersion(root);
  const manifest = cacheFolder === undefined ? undefined : path.join(cacheFolder, "pages.json");
  const previous = manifest === undefined ? new Map<string, Entry>() : await previousPages(manifest, outDir);
  const plan = planPages(model, version, new Map([...previous].map(([rel, entry]) => [rel, entry.hash])));
  let linked = new Map<string, Entry>();
  return {
    async write(dir, render, progress) {
      // Rendered pages as `render` reports them; the carried ones all at once when linked.
      let total = plan.carry.length;
      const rendering = progress && ((done: number, toRender: number) => progress(done, (total = toRender + plan.carry.length)));
      const { written } = await render(plan.render, rendering);
      const links = carryOver(path.resolve(outDir), dir, plan.carry);
      if (plan.carry.length > 0) progress?.(total, total);
      linked = new Map([...links].map((rel) => [rel, previous.get(rel) as Entry]));
      return { written: written + plan.carry.length, rendered: written, carried: plan.carry.length };
    },
    async record(dir) {
      return manifest === undefined ? new Map() : recordPages(manifest, outDir, dir, plan.hashes, linked);
    },
  };
}
