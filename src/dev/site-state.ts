import { existsSync } from "node:fs";
import path from "node:path";
import { findDuplicateSlugs } from "../content/duplicate-slugs.ts";
import { type ArticleFile, type FoundFiles, findArticleFiles } from "../content/find-files.ts";
import { readArticleSource } from "../content/read-source.ts";
import { type LoadedSiteConfig, loadSiteConfig } from "../content/site-config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { probeArticlePictures } from "../load/article-pictures.ts";
import type { LoadedArticle } from "../load/load-article.ts";
import { type ArticleCacheOptions, loadArticles } from "../load/load-articles.ts";
import type { LoadedContent } from "../load/load-content.ts";

/** One article file as last read: its parse, or the problems that kept it out. */
export interface FileState {
  readonly file: ArticleFile;
  readonly article: LoadedArticle | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: string | undefined;
}

export interface DevSiteInput {
  readonly contentDir: string;
  readonly siteFile: string | undefined;
  /** The persistent parse cache, used for the first load and when the site config changes (every article is parsed again). */
  readonly cache: ArticleCacheOptions | undefined;
}

/** Everything about an `ArticleFile` that its parse depends on: a moved file or a new picture beside it is read again. */
const fileKey = (file: ArticleFile): string => JSON.stringify(file);

/**
 * The preview's site, kept in memory between saves: every article file's
 * parse, keyed by its path. A save costs reading and parsing the files that
 * changed; what it gives is what a build's `loadContent` gives, so the same
 * model and pages are made from it, without reading and hashing every file
 * again to consult the parse cache.
 */
export class DevSite {
  readonly #input: DevSiteInput;
  #config!: LoadedSiteConfig;
  #found!: FoundFiles;
  #duplicates: readonly Diagnostic[] = [];
  #unique: readonly ArticleFile[] = [];
  #files = new Map<string, FileState>();

  private constructor(input: DevSiteInput) {
    this.#input = input;
  }

  /** Read the whole site once, through the parse cache. */
  static async open(input: DevSiteInput): Promise<DevSite> {
    const site = new DevSite(input);
    await site.#readAll();
    return site;
  }

  get config(): LoadedSiteConfig["config"] {
    return this.#config.config;
  }

  /** The file's state, if it is a known article file. */
  fileAt(absolute: string): FileState | undefined {
    return this.#files.get(path.resolve(absolute));
  }

  /** The loaded article with this slug (NFC), if it parsed. */
  articleBySlug(slug: string): LoadedArticle | undefined {
    for (const state of this.#files.values()) if (state.article?.slug === slug) return state.article;
    return undefined;
  }

  /**
   * Read and parse one known article file again and keep the result; the
   * fast path of a save. Undefined when the file is not a known article
   * (new, deleted, moved: `refresh` finds out).
   */
  async reparse(absolute: string): Promise<FileState | undefined> {
    const known = this.fileAt(absolute);
    if (known === undefined || !existsSync(known.file.absolute)) return undefined;
    const [state] = await this.#parse([known.file], undefined);
    if (state === undefined) return undefined;
    this.#files.set(known.file.absolute, state);
    return state;
  }

  /**
   * The site after `changed` (absolute paths the watcher reported): the
   * folder is listed again (new, deleted and moved articles), changed files
   * whose text differs from what is in memory are parsed again.
   */
  async refresh(changed: ReadonlySet<string>): Promise<LoadedContent> {
    if (this.#input.siteFile !== undefined && changed.has(path.resolve(this.#input.siteFile))) {
      // The time zone and embed hosts go into every parse.
      await this.#readAll();
      return this.content();
    }
    await this.#list();
    const stale: ArticleFile[] = [];
    for (const file of this.#unique) {
      const known = this.#files.get(file.absolute);
      if (known === undefined || fileKey(known.file) !== fileKey(file) || (changed.has(file.absolute) && !(await this.#holds(known)))) stale.push(file);
    }
    const states = await this.#parse(stale, undefined);
    for (const state of states) this.#files.set(state.file.absolute, state);
    // Articles gone from the folder go first: their pictures may have gone with them.
    const listed = new Set(this.#unique.map((f) => f.absolute));
    for (const absolute of this.#files.keys()) if (!listed.has(absolute)) this.#files.delete(absolute);
    // A picture saved over under the same name changes no article's text: its article's probes are made again.
    const reparsed = new Set(stale.map((file) => file.absolute));
    for (const [absolute, state] of this.#files) {
      const dir = state.file.bundleDir;
      if (state.article === undefined || dir === undefined || reparsed.has(absolute)) continue;
      if (![...changed].some((file) => file.startsWith(`${dir}${path.sep}`))) continue;
      const { article } = await probeArticlePictures(state.article);
      this.#files.set(absolute, { ...state, article });
    }
    return this.content();
  }

  /** The content as in memory, as a build would load it. */
  content(): LoadedContent {
    const articles: LoadedArticle[] = [];
    const diagnostics: Diagnostic[] = [];
    const sources = new Map<string, string>();
    const unreadable = new Set<string>();
    for (const file of this.#unique) {
      const state = this.#files.get(file.absolute);
      if (state === undefined) continue;
      diagnostics.push(...state.diagnostics);
      if (state.source !== undefined) sources.set(file.display, state.source);
      if (state.article !== undefined) articles.push(state.article);
      else unreadable.add(file.name.normalize("NFC"));
    }
    const siteFile = this.#input.siteFile;
    const siteSource = this.#config.source;
    if (siteFile !== undefined && siteSource !== undefined) sources.set(siteFile, siteSource);
    return {
      config: this.#config.config,
      articles,
      unreadable,
      diagnostics: [...this.#config.diagnostics, ...this.#found.diagnostics, ...this.#duplicates, ...diagnostics],
      sourceOf: (display) => sources.get(display),
      articleCount: this.#found.articles.length,
      cacheStats: { hits: 0, parsed: 0, ignored: undefined },
    };
  }

  /** Whether the file still has the text in memory (the fast path parsed it already, or the save changed nothing). */
  async #holds(state: FileState): Promise<boolean> {
    let read: ReturnType<typeof readArticleSource> | undefined;
    try {
      read = readArticleSource(state.file);
    } catch {
      read = undefined;
    }
    return read !== undefined && "source" in read && read.source === state.source;
  }

  async #readAll(): Promise<void> {
    this.#config = await loadSiteConfig(this.#input.siteFile);
    await this.#list();
    const states = await this.#parse(this.#unique, this.#input.cache);
    this.#files = new Map(states.map((s) => [s.file.absolute, s]));
  }

  async #list(): Promise<void> {
    this.#found = await findArticleFiles(this.#input.contentDir, this.#input.contentDir);
    const { unique, diagnostics } = findDuplicateSlugs(this.#found.articles);
    this.#unique = unique;
    this.#duplicates = diagnostics;
  }

  /** Parse `files` (the same reader and parser as a build), split back into one state per file. */
  async #parse(files: readonly ArticleFile[], cache: ArticleCacheOptions | undefined): Promise<FileState[]> {
    if (files.length === 0) return [];
    const loaded = await loadArticles({
      files,
      zone: this.config.timezone,
      embedHosts: this.config.embeds,
      textWords: this.config.related.wordsPerArticle,
      cache,
      resident: true,
    });
    const articles = new Map(loaded.articles.map((a) => [a.file.absolute, a]));
    const diagnostics = new Map<string, Diagnostic[]>();
    for (const d of loaded.diagnostics) diagnostics.set(d.file, [...(diagnostics.get(d.file) ?? []), d]);
    return files.map((file) => ({
      file,
      article: articles.get(file.absolute),
      diagnostics: diagnostics.get(file.display) ?? [],
      source: loaded.sourceOf(file.display),
    }));
  }
}
