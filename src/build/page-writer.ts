import path from "node:path";
import type { SiteModel } from "../site/view.ts";
import { type Entry, previousPages, recordPages } from "./page-manifest.ts";
import { planPages } from "./page-plan.ts";
import { Piscina } from "piscina";
import { carryOver } from "./previous-output.ts";
import { pagesVersion, parserVersion } from "./pipeline-version.ts";
import { workerScript } from "./worker-bundle.ts";

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
  /** Once `dir` is complete: remember its pages for the next build. */
  record(dir: string): Promise<void>;
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
      const [{ written }, links] = await Promise.all([render(plan.render, rendering), carryOverAside(root, path.resolve(outDir), dir, plan.carry)]);
      if (plan.carry.length > 0) progress?.(total, total);
      linked = new Map([...links].map((rel) => [rel, previous.get(rel) as Entry]));
      return { written: written + plan.carry.length, rendered: written, carried: plan.carry.length };
    },
    async record(dir) {
      if (manifest !== undefined) await recordPages(manifest, outDir, dir, plan.hashes, linked);
    },
  };
}

/** Below this many files, starting a thread costs more than linking them here. */
const LINK_ASIDE_FROM = 1000;

/**
 * `carryOver` on a thread of its own while this one renders: making 16,000
 * folders and links is nearly all time in the kernel (1.6 s at 10,000
 * articles), which Eleventy's run of the changed pages need not wait for.
 * The two write disjoint files; both accept a folder the other made.
 */
export async function carryOverAside(root: string, from: string, to: string, paths: readonly string[]): Promise<Set<string>> {
  const filename = paths.length < LINK_ASIDE_FROM ? undefined : await workerScript(root, "src/build/link-worker.ts", parserVersion(root));
  if (filename === undefined) return carryOver(from, to, paths);
  const pool = new Piscina({ filename, minThreads: 1, maxThreads: 1 });
  try {
    return new Set((await pool.run({ from, to, paths })) as string[]);
  } finally {
    await pool.destroy();
  }
}
