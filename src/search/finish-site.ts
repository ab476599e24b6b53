import { writeImages } from "../images/encode.ts";
import type { SiteModel } from "../site/view.ts";
import { buildSearchIndex } from "./pagefind.ts";

/**
 * What a build adds once the pages are written, before the folder is
 * published: the resized pictures, then the search index of the pages.
 */
export async function finishSite(dir: string, model: SiteModel): Promise<void> {
  await writeImages(dir, model.images);
  await buildSearchIndex(dir, model.site.language);
}
