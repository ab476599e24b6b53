import path from "node:path";
import type { ArticleFile } from "../content/find-files.ts";
import { decodeSource, readArticleBytes } from "../content/read-source.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { type ArticleCacheOptions, cacheUnusable } from "../io/cache-location.ts";
import { heldHtml } from "../markdown/body-html.ts";
import { cacheKey, DamagedCache, readCache, writeCache } from "./article-cache.ts";
import { probeAllPictures } from "./article-pictures.ts";
import type { LoadedArticle } from "./load-article.ts";
import { openProbeStore } from "./probe-store.ts";

export type { ArticleCacheOptions };

import { checkPictures } from "./check-pictures.ts";
import { parseAll } from "./parse-pool.ts";
import { type ParsedArticle, toLoadedArticle } from "./parsed-article.ts";

/** The version in the keys of a build without a cache: they are compared within one process only. */
const UNCACHED = "uncached";

export interface LoadArticlesInput {
  readonly files: readonly ArticleFile[];
  readonly zone: string;
  readonly embedHosts: readonly string[];
  /** Words of each body's plain text to keep (`ParseTask`); all when undefined. */
  readonly textWords?: number;
  /** Undefined: parse everything, keep nothing. */
  readonly cache: ArticleCacheOptions | undefined;
  readonly threads?: number;
  /**
   * Keep everything in memory: every file's text, and the bodies of cached
   * articles read now (any the cache file no longer holds parsed again)
   * rather than when a page shows them. For the preview, which keeps its
   * articles and their texts while it runs, and shows them all.
   */
  readonly resident?: boolean;
  readonly onArticle?: (done: number, total: number) => void;
}

export interface LoadedArticles {
  /** In the order of `files`, without the files that have errors. */
  readonly articles: readonly LoadedArticle[];
  readonly diagnostics: readonly Diagnostic[];
  /** The text of a file read (by its display name), decoded when first asked: for code frames, and the preview's own copy. */
  readonly sourceOf: (display: string) => string | undefined;
  /** Names (NFC) of the files that could not be loaded. */
  readonly unreadable: ReadonlySet<string>;
  /** How many articles came from the cache, how many were parsed, and why a cache file was ignored. */
  readonly cacheStats: { readonly hits: number; readonly parsed: number; readonly ignored: string | undefined };
}

/**
 * Read every article file and parse those the cache does not hold, on worker
 * threads when there are many. A cached parse is used only under the key of
 * everything it depends on, so the result is the same as parsing all.
 */
export async function loadArticles(input: LoadArticlesInput): Promise<LoadedArticles> {
  const { files } = input;
  const diagnostics: Diagnostic[] = [];
  const texts: (Uint8Array | undefined)[] = [];
  // The cache file is read on the thread pool while this thread reads the articles: each waits on the disk otherwise.
  const reading = input.cache === undefined ? undefined : readCache(input.cache.file, input.cache.version, input.cache.secret);
  for (const file of files) {
    const read = readArticleBytes(file);
    if ("bytes" in read) {
      texts.push(read.bytes);
    } else {
      diagnostics.push(read.diagnostic);
      texts.push(undefined);
    }
  }

  const cached = (await reading) ?? { entries: new Map<string, ParsedArticle>(), ignored: undefined };
  // Every article is known by its key, cache or not: a page made from it is planned by it (site/pages.ts).
  const version = input.cache?.version ?? UNCACHED;
  const task = <S extends string | Uint8Array>(i: number, source: S) => ({
    source,
    file: files[i] as ArticleFile,
    zone: input.zone,
    embedHosts: input.embedHosts,
    textWords: input.textWords,
  });
  const keys = texts.map((bytes, i) => (bytes === undefined ? undefined : cacheKey(version, task(i, bytes))));
  const results: (ParsedArticle | undefined)[] = keys.map((key) => (key === undefined ? undefined : cached.entries.get(key)));
  if (input.resident) results.forEach((result, i) => (results[i] = result && held(result)));
  const missing = texts.flatMap((bytes, i) => (bytes !== undefined && results[i] === undefined ? [i] : []));
  const hits = files.length - missing.length - diagnostics.length;
  input.onArticle?.(hits + diagnostics.length, files.length);
  const parsed = await parseAll(
    missing.map((i) => task(i, decodeSource(texts[i] as Uint8Array))),
    {
      ...(input.threads === undefined ? {} : { threads: input.threads }),
      version: input.cache?.version,
      onParsed: (done) => input.onArticle?.(hits + diagnostics.length + done, files.length),
    },
  );
  missing.forEach((index, j) => (results[index] = parsed[j]));

  // Decoded when a code frame or a front-matter position needs one; the preview keeps every text, and then no bytes.
  const textOf = texts.map((bytes) => (bytes === undefined ? undefined : input.resident ? decoded(decodeSource(bytes)) : decodeLater(bytes)));
  const articles: Omit<LoadedArticle, "pictures">[] = [];
  const unreadable = new Set<string>();
  for (const [i, file] of files.entries()) {
    const result = results[i];
    const text = textOf[i];
    if (result !== undefined) diagnostics.push(...result.diagnostics);
    // A file with errors is not in the site, but its missing pictures are reported now, not on the next run.
    if (result?.article === undefined && result?.pictures !== undefined) diagnostics.push(...(await checkPictures(file, result.pictures)));
    const key = keys[i];
    if (result?.article !== undefined && text !== undefined && key !== undefined) articles.push(toLoadedArticle(result.article, file, text, key));
    else unreadable.add(file.name.normalize("NFC"));
  }
  // Every picture an article shows is read whole now, so a broken one is an error before anything is rendered.
  // Pictures unchanged since an earlier build are known by their bytes, not decoded again.
  const store = input.cache === undefined ? undefined : await openProbeStore(path.dirname(input.cache.file), input.cache.version);
  const probed = await probeAllPictures(articles, store);
  // Like every manifest, one that cannot be written is said once and skipped (previous-output.ts).
  await store?.save();
  diagnostics.push(...probed.diagnostics);
  const indexOf = new Map(files.map((file, i) => [file.display, i]));
  if (input.cache !== undefined && worthRewriting(cached.entries.size, hits, missing.length, cached.ignored)) {
    const kept = new Map<string, ParsedArticle>();
    keys.forEach((key, i) => {
      const result = results[i];
      if (key !== undefined && result !== undefined) kept.set(key, result);
    });
    try {
      await writeCache(input.cache.file, input.cache.version, input.cache.secret, kept);
    } catch (error) {
      // The articles are loaded; a cache that cannot be written only makes the next build slower.
      cacheUnusable(input.cache.file, error);
    }
  }
  return {
    articles: probed.articles,
    diagnostics,
    sourceOf: (display) => textOf[indexOf.get(display) ?? -1]?.(),
    unreadable,
    cacheStats: { hits, parsed: missing.length, ignored: cached.ignored },
  };
}

/** The text of `bytes`, decoded when first asked. */
function decodeLater(bytes: Uint8Array): () => string {
  let text: string | undefined;
  return () => (text ??= decodeSource(bytes));
}

/** A text decoded already. Apart from `decodeLater`, so that it holds no bytes. */
function decoded(text: string): () => string {
  return () => text;
}

/** `parsed` with its body's HTML in memory; undefined when the cache file no longer holds it. */
function held(parsed: ParsedArticle): ParsedArticle | undefined {
  if (parsed.article === undefined) return parsed;
  const { html } = parsed.article.body;
  let text: string;
  try {
    text = html.read();
  } catch (error) {
    if (error instanceof DamagedCache) return undefined;
    throw error;
  }
  return { ...parsed, article: { ...parsed.article, body: { ...parsed.article.body, html: heldHtml(text, html.hash) } } };
}

/**
 * Rewriting the packed file costs seconds at 10,000 articles, too much for
 * the one article an editor saved: a few misses are parsed again next time
 * instead (entries are keyed by content, so an old file is never wrong,
 * only less useful). It is rewritten once misses or entries for files that
 * are gone pass 1% of it, or when it was ignored.
 */
export function worthRewriting(entries: number, hits: number, misses: number, ignored: string | undefined): boolean {
  if (ignored !== undefined) return true;
  const unused = entries - hits;
  return misses + unused > Math.max(8, (hits + misses) / 100) || (entries === 0 && misses > 0);
}
