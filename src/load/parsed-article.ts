import type { ArticleFile } from "../content/find-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { heldHtml } from "../markdown/body-html.ts";
import type { LocalPicture } from "../markdown/local-pictures.ts";
import type { ArticleBody, LoadedArticle } from "./load-article.ts";

/**
 * Everything one article's parse depends on. `parseArticle` is a pure
 * function of exactly these fields, which is what makes it safe to run on
 * a worker thread and to keep in the persistent cache under their hash.
 */
export interface ParseTask {
  readonly source: string;
  readonly file: ArticleFile;
  readonly zone: string;
  readonly embedHosts: readonly string[];
  /**
   * How many words of its body's plain text the related engine reads
   * (`related.words_per_article`): no more of it is kept. All when undefined.
   */
  readonly textWords?: number | undefined;
}

/** What parsing one article file yields, the body's HTML as a `BodyHtml` (in memory, or in the cache file). */
export interface ParsedArticle {
  /** Undefined when the file has errors. */
  readonly article: Omit<LoadedArticle, "file" | "locate" | "key" | "pictures"> | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** A file with errors: the pictures beside it that its body shows (`LoadResult`). */
  readonly pictures?: readonly LocalPicture[];
}

/** A `ParsedArticle` as plain data, to cross from a worker thread by structured clone: the HTML as a string, beside its hash. */
export interface ParsedData {
  readonly article: (Omit<LoadedArticle, "file" | "locate" | "key" | "pictures" | "body"> & { readonly body: PlainBody }) | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly pictures?: readonly LocalPicture[];
}

type PlainBody = Omit<ArticleBody, "html"> & { readonly html: string; readonly htmlHash: string };

export function toData(parsed: ParsedArticle): ParsedData {
  const { article, diagnostics } = parsed;
  if (article === undefined) return withPictures({ article: undefined, diagnostics }, parsed.pictures);
  const { html, ...body } = article.body;
  return { article: { ...article, body: { ...body, html: html.read(), htmlHash: html.hash } }, diagnostics };
}

export function fromData(data: ParsedData): ParsedArticle {
  const { article, diagnostics } = data;
  if (article === undefined) return withPictures({ article: undefined, diagnostics }, data.pictures);
  const { html, htmlHash, ...body } = article.body;
  return { article: { ...article, body: { ...body, html: heldHtml(html, htmlHash) } }, diagnostics };
}

/**
 * Back to a `LoadedArticle`. Positions in the front matter are wanted only
 * when a problem across articles is found, so the YAML is read again then
 * (from `text`, which decodes the file's bytes when asked), not kept: a
 * function neither clones nor caches.
 */
export function toLoadedArticle(parsed: NonNullable<ParsedArticle["article"]>, file: ArticleFile, text: () => string, key: string): Omit<LoadedArticle, "pictures"> {
  let positions: ((path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }) | undefined;
  return {
    ...parsed,
    file,
    key,
    locate: (path, key) => {
      if (positions === undefined) {
        const split = splitFrontMatter(text());
        if (split.kind !== "ok") throw new Error(`internal: the front matter of \`${file.display}\` no longer splits`);
        const yaml = split.yaml;
        positions = (p, k) => yaml.positionOf(p, k);
      }
      return positions(path, key);
    },
  };
}

/** A failed parse with its pictures, when it has any (no empty field: the cache and the threads carry it as is). */
export function withPictures<T extends { readonly article: undefined }>(
  parsed: T,
  pictures: readonly LocalPicture[] | undefined,
): T & { readonly pictures?: readonly LocalPicture[] } {
  return pictures === undefined || pictures.length === 0 ? parsed : { ...parsed, pictures };
}
