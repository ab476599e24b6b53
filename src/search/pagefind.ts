import path from "node:path";

/**
 * The search index, built by Pagefind from the pages as written: only pages
 * that carry `data-pagefind-body` (the article template's `<article>`) are
 * indexed, so drafts and scheduled articles, which have no page, can never be
 * found. Section and outlet are filters (`data-pagefind-filter`). Everything
 * is written to `<site>/pagefind/` and searched in the reader's browser: no
 * back end. One index for every language, so the site's search page also
 * finds articles written in another (Pagefind would otherwise keep one index
 * per `<html lang>` and search only the page's own).
 */
export interface SearchIndexResult {
  /** Pages Pagefind indexed. */
  readonly pages: number;
}

export async function buildSearchIndex(siteDir: string, language: string): Promise<SearchIndexResult> {
  const pagefind = await import("pagefind");
  try {
    const created = await pagefind.createIndex({
      forceLanguage: language.split("-")[0] ?? language,
      // The site's labels around the headline are not the story: keep them out of the words and excerpts
      // (the section and outlet filters inside them are still read).
      excludeSelectors: [".kicker", ".outlet", ".byline time", ".byline-updated"],
      writePlayground: false,
    });
    const index = created.index;
    if (index === undefined) throw new Error(`search index: ${created.errors.join("; ")}`);
    const added = await index.addDirectory({ path: path.resolve(siteDir) });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(path.resolve(siteDir), "pagefind") });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
