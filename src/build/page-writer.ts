import path from "node:path";
import type { SiteModel } from "../site/view.ts";
import { type Entry, previousPages, recordPages } from "./page-manifest.ts";
import type { HeldPages } from "../site/model.ts";
import { inputHash, outputPath, type PagePlan, planPages } from "./page-plan.ts";
import { carryOverAside } from "./carry-aside.ts";
import { type Stamp, withdraw } from "./previous-output.ts";
import { pagesVersion } from "./pipeline-version.ts";

/** Pages written so far and all there are to write, as the writer goes. */
export type PagesProgress = (done: number, total: number) => void;

/** What renders pages into the folder being built (Eleventy, src/eleventy/pages.ts). */
export interface Renderer {
  /** Render the model's pages into `dir`, reporting progress to the callback given. */
  render(dir: string, model: SiteModel, progress?: PagesProgress): Promise<{ written: number }>;
  /**
   * Every file it writes besides the model's pages (the front
   * page, `public/`): never carried over, as it would write into the link.
   */
  readonly beside: ReadonlySet<string>;
}

/** What the model made of the site's pages: its views, and the digests of article pages known by their inputs. */
export interface Modelled {
  readonly model: SiteModel;
  readonly digests: ReadonlyMap<string, string>;
}

export interface PageWriter {
  /** The pages of the previous output that need no view (model.ts `HeldPages`). */
  readonly held: HeldPages;
  /**
   * Render the pages that changed into `dir`, link the rest from the
   * previous output; returns the files written. `progress` counts both.
   */
  write(dir: string, site: Modelled, progress?: PagesProgress): Promise<{ written: number; rendered: number; carried: number }>;
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
    held: (url, digest) => previous.get(outputPath(url))?.hash === inputHash(version, digest),
    async write(dir, { model, digests }, progress) {
      const candidates = [...previous.keys()];
      // Every page the previous output still holds as it was is linked into `dir` on another thread
      // while this one hashes the new pages; those found changed or gone are taken out again before
      // anything is rendered, so nothing is ever written into a link to the published output.
      const linking = await carryOverAside(root, { from: path.resolve(outDir), to: dir, paths: candidates });
      let planned: PagePlan;
      try {
        planned = planPages(model, version, new Map(candidates.map((rel) => [rel, (previous.get(rel) as Entry).hash])), digests);
      } catch (error) {
        // The thread is done with `dir` before the caller removes it.
        await linking.linked.catch(() => undefined);
        throw error;
      }
      plan = planned;
      const links = await linking.linked;
      const carry = new Set(planned.carry);
      withdraw(dir, candidates.filter((rel) => !carry.has(rel)));
      // Rendered pages as the renderer reports them; the carried ones all at once at the end.
      let total = planned.carry.length;
      const rendering = progress && ((done: number, toRender: number) => progress(done, (total = toRender + planned.carry.length)));
      const { written } = await renderer.render(dir, planned.render, rendering);
      if (planned.carry.length > 0) progress?.(total, total);
      linked = new Map([...links].filter((rel) => carry.has(rel)).map((rel) => [rel, previous.get(rel) as Entry]));
      return { written: written + planned.carry.length, rendered: written, carried: planned.carry.length };
    },
    async record(dir) {
      if (plan === undefined) throw new Error("internal: pages recorded before they were written");
      return manifest === undefined ? new Map() : recordPages(manifest, outDir, dir, version, plan.hashes, linked);
    },
  };
}
