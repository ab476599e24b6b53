import { pauseAt } from "../cli/pause.ts";
import { findDuplicateSlugs } from "../content/duplicate-slugs.ts";
import { findArticleFiles, type FoundFiles } from "../content/find-files.ts";
import { type ArticleCacheOptions, type LoadedArticles, loadArticles } from "../build/load-articles.ts";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { RelateInput } from "../relate/engine.ts";
import { type LoadedSiteConfig, loadSiteConfig, type SiteConfig } from "./config.ts";
import { buildSiteModel, type HeldPages } from "./model.ts";
import { nextScheduled, type Scheduled } from "./schedule.ts";
import type { SiteModel } from "./view.ts";

export interface SiteInput {
  /** The content folder, as the user gave it (relative paths are shown as given). */
  readonly contentDir: string;
  /** The site config file, or undefined to use the defaults. */
  readonly siteFile: string | undefined;
  /** The moment the site is built "as of": later articles are scheduled, not published. */
  readonly now: number;
  /** Told after each article file is read, for a progress display. */
  readonly onArticle?: (done: number, total: number) => void;
  /** The persistent cache of parsed articles; undefined parses every article. */
  readonly cache?: ArticleCacheOptions | undefined;
  /** Worker threads for parsing; default one per core. */
  readonly threads?: number;
  /**
   * The pages the build's output holds already, whose views need not be
   * made (model.ts `HeldPages`): awaited once the articles are read, so it
   * may be found meanwhile. Undefined: every view is made.
   */
  readonly held?: Promise<HeldPages | undefined>;
}

export interface LoadedSite {
  /**
   * The site as far as it could be read: articles with errors are left out.
   * Publish it only when `diagnostics` has no error; the dev server previews it regardless.
   */
  readonly model: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
  /** Texts of the files that have problems, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly articleCount: number;
  readonly config: SiteConfig;
  /** The published articles as the related engine saw them. */
  readonly relateInputs: readonly RelateInput[];
  /** Digests of the article pages known by their inputs (model.ts `ModelResult`). */
  readonly digests: ReadonlyMap<string, string>;
  /** Published articles; `model.articles` leaves out those held. */
  readonly published: number;
  /** The first article that goes live after `now`, if any. */
  readonly nextScheduled: Scheduled | undefined;
  readonly cacheStats: LoadedArticles["cacheStats"];
}

/**
 * The whole content pipeline, up to the view models: find files, read and
 * validate each, render bodies, relate articles, model the pages. Every
 * problem of every file is collected; none stops the others from being read.
 */
export async function loadSite(input: SiteInput): Promise<LoadedSite> {
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
  const held = await input.held;
  return assembleSite({ siteFile: input.siteFile, site, found, duplicates, loaded, now: input.now, ...(held === undefined ? {} : { held }) });
}

export interface SiteParts {
  readonly siteFile: string | undefined;
  readonly site: LoadedSiteConfig;
  readonly found: FoundFiles;
  readonly duplicates: readonly Diagnostic[];
  /** The articles of `found` without duplicates, read and parsed. */
  readonly loaded: LoadedArticles;
  readonly now: number;
  readonly held?: HeldPages;
}

/**
 * The steps after reading: relate, model, collect every diagnostic. Apart
 * from `loadSite` so that the dev server, which keeps parsed articles in
 * memory between saves, runs exactly the same steps on them.
 */
export function assembleSite({ siteFile, site, found, duplicates, loaded, now, held }: SiteParts): LoadedSite {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [...site.diagnostics, ...found.diagnostics, ...duplicates, ...loaded.diagnostics];
  if (site.source !== undefined && siteFile !== undefined) sources.set(siteFile, site.source);
  const { model, diagnostics: modelDiagnostics, relateInputs, digests, published } = buildSiteModel(loaded.articles, site.config, now, loaded.unreadable, held);
  diagnostics.push(...modelDiagnostics);
  diagnostics.sort(compareDiagnostics);
  // Texts for the code frames of the files that have problems, as they were read.
  for (const d of diagnostics) {
    const source = sources.has(d.file) ? undefined : loaded.sourceOf(d.file);
    if (source !== undefined) sources.set(d.file, source);
  }
  return {
    model,
    diagnostics,
    sources,
    articleCount: found.articles.length,
    config: site.config,
    relateInputs,
    digests,
    published,
    nextScheduled: nextScheduled(loaded.articles, now),
    cacheStats: loaded.cacheStats,
  };
}
