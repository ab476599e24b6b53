import type { ArticleFile } from "../content/find-files.ts";
import type { LoadedArticle } from "../content/load-article.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * What parsing one article file yields, as plain data: it crosses from a
 * worker thread by structured clone and is kept in the persistent cache.
 * `parseArticle` is a pure function of exactly the fields of `ParseTask`,
 * which is what makes both safe.
 */
export interface ParseTask {
  readonly source: string;
  readonly file: ArticleFile;
  readonly zone: string;
  readonly embedHosts: readonly string[];
}

export interface ParsedArticle {
  /** Undefined when the file has errors. */
  readonly article: Omit<LoadedArticle, "file" | "locate"> | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Back to a `LoadedArticle`. Positions in the front matter are wanted only
 * when a problem across articles is found, so the YAML is read again then,
 * not kept: a function neither clones nor caches.
 */
export function toLoadedArticle(parsed: NonNullable<ParsedArticle["article"]>, file: ArticleFile, source: string): LoadedArticle {
  let positions: ((path: readonly PropertyKey[], key?: boolean) => { line: number; column: number }) | undefined;
  return {
    ...parsed,
    file,
    locate: (path, key) => {
      if (positions === undefined) {
        const split = splitFrontMatter(source);
        if (split.kind !== "ok") throw new Error(`internal: the front matter of \`${file.display}\` no longer splits`);
        const yaml = split.yaml;
        positions = (p, k) => yaml.positionOf(p, k);
      }
      return positions(path, key);
    },
  };
}
