import path from "node:path";
import type { Stamp } from "../build/previous-output.ts";
import { writeImages } from "../images/encode.ts";
import type { SiteModel } from "../site/view.ts";
import { buildSearchIndex, type SearchIndexResult } from "./pagefind.ts";
import { pagesPerShard } from "./shards.ts";

/** The build's output folder and cache folder (undefined when caching is off), for what can be carried over. */
export interface FinishCache {
  readonly outDir: string;
  readonly cacheFolder: string | undefined;
}

/**
 * What a build adds once the pages are written, before the folder is
 * published: the resized pictures, then the search index of the pages
 * (only its changed shards when the previous output and cache are known).
 * `stamps` are pages' stamps the page writer recorded, not looked at again.
 */
export async function finishSite(dir: string, model: SiteModel, cache?: FinishCache, stamps?: ReadonlyMap<string, Stamp>): Promise<SearchIndexResult> {
  await writeImages(dir, model.images);
  const search = cache?.cacheFolder === undefined ? undefined : { manifest: path.join(cache.cacheFolder, "search.json"), outDir: cache.outDir };
  return buildSearchIndex(dir, model.site.language, search, pagesPerShard(), stamps);
}
