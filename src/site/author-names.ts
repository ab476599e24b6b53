import type { SiteConfig } from "../content/site-config.ts";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { LoadedArticle } from "../load/load-article.ts";

/** Names compared as an editor reads them: case, spacing and Unicode form aside. */
const comparable = (name: string): string => name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * Warnings for an article's authors that site.yaml does not list but that
 * are a typo away from one it does ("Farida Nori" for "Farida Noori"): such
 * a byline would get a page of its own, without the bio. A name far from
 * every listed one is a guest writer, and fine. Each is positioned at the name.
 */
export function authorTypos(article: LoadedArticle, config: SiteConfig): Diagnostic[] {
  if (config.authors.length === 0) return [];
  const listed = new Set(config.authors.map((a) => comparable(a.name)));
  const names = config.authors.map((a) => a.name);
  const fm = article.frontMatter;
  const written: [string, readonly PropertyKey[]][] =
    fm.authors !== undefined ? fm.authors.map((name, i) => [name, ["authors", i]]) : fm.author !== undefined ? [[fm.author, ["author"]]] : [];
  return written.flatMap(([name, path]) => {
    if (listed.has(comparable(name))) return [];
    const suggestion = didYouMean(comparable(name), names);
    return suggestion === undefined ? [] : [diagnose("author-unknown", article.file.display, article.locate(path), { author: name, suggestion })];
  });
}
