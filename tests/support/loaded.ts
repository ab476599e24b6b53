import { cacheKey } from "../../src/load/article-cache.ts";
import { type LoadedArticle, parseArticle } from "../../src/load/load-article.ts";
import { articleFile } from "./article-file.ts";

/** A loaded article from front-matter lines and a body, through the real loader. */
export function loaded(name: string, section: string | null, frontMatter: string, body = "Body text."): LoadedArticle {
  const source = `---\n${frontMatter.trim()}\n---\n${body}\n`;
  const result = parseArticle(source, articleFile(name, section), "Asia/Kabul");
  if (!result.article) throw new Error(`fixture ${name}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  // As the loader keys it (load-articles.ts), without pictures to probe.
  return { ...result.article, key: cacheKey("fixture", { source, file: result.article.file, zone: "Asia/Kabul", embedHosts: [] }), pictures: new Map() };
}
