import { findDuplicateSlugs } from "../content/duplicate-slugs.ts";
import { findArticleFiles } from "../content/find-files.ts";
import { loadSiteConfig, type SiteConfig } from "../content/site-config.ts";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { pauseAt } from "../io/pause.ts";
import type { LoadedArticle } from "./load-article.ts";
import { type ArticleCacheOptions, type LoadedArticles, loadArticles } from "./load-articles.ts";

export interface ContentInput {
  /** The content folder, as the user gave it (relative paths are shown as given). */
  readonly contentDir: string;
  /** The site config file, or undefined to use the defaults. */
  readonly siteFile: string | undefined;
  /** Told after each article file is read, for a progress display. */
  readonly onArticle?: (done: number, total: number) => void;
  /** The persistent cache of parsed articles; undefined parses every article. */
  readonly cache?: ArticleCacheOptions | undefined;
  /** Worker threads for parsing; default one per core. */
  readonly threads?: number;
}

/** The content as read: the config, the articles that loaded, and every problem of every file. */
export interface LoadedContent {
  readonly config: SiteConfig;
  /** In the order of the files found, without the files that have errors or share a slug. */
  readonly articles: readonly LoadedArticle[];
  /** Slugs (NFC) of the files that could not be loaded. */
  readonly unreadable: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
  /** The text of a file read, by the name problems give it: for code frames. */
  readonly sourceOf: (display: string) => string | undefined;
  /** Article files found. */
  readonly articleCount: number;
  readonly cacheStats: LoadedArticles["cacheStats"];
}

/**
 * The first stage of every command: find the article files, read and
 * validate each, render bodies, probe pictures. Every problem of every file
 * is collected; none stops the others from being read.
 */
export async function loadContent(input: ContentInput): Promise<LoadedContent> {
  const site = await loadSiteConfig(input.siteFile);
  const found = await findArticleFiles(input.contentDir, input.contentDir);
  const { unique, diagnostics: duplicates } = findDuplicateSlugs(found.articles);
  await pauseAt("build:found");
  const loaded = await loadArticles({
    files: unique,
    zone: site.config.timezone,
    embedHosts: site.config.embeds,
    textWords: site.config.related.wordsPerArticle,
    cache: input.cache,
    ...(input.threads === undefined ? {} : { threads: input.threads }),
    ...(input.onArticle === undefined ? {} : { onArticle: input.onArticle }),
  });
  const siteSource = site.source;
  return {
    config: site.config,
    articles: loaded.articles,
    unreadable: loaded.unreadable,
    diagnostics: [...site.diagnostics, ...found.diagnostics, ...duplicates, ...loaded.diagnostics],
    sourceOf: (display) => (input.siteFile !== undefined && display === input.siteFile && siteSource !== undefined ? siteSource : loaded.sourceOf(display)),
    articleCount: found.articles.length,
    cacheStats: loaded.cacheStats,
  };
}

/** Every problem of a site, loading's and the model's, in file order, with the texts for their code frames. */
export function siteProblems(
  content: Pick<LoadedContent, "diagnostics" | "sourceOf">,
  more: readonly Diagnostic[],
): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const diagnostics = [...content.diagnostics, ...more].sort(compareDiagnostics);
  const sources = new Map<string, string>();
  for (const d of diagnostics) {
    const source = sources.has(d.file) ? undefined : content.sourceOf(d.file);
    if (source !== undefined) sources.set(d.file, source);
  }
  return { diagnostics, sources };
}
