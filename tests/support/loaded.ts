import { parseArticle, type LoadedArticle } from "../../src/content/load-article.ts";
import { articleFile } from "./article-file.ts";

/** A loaded article from front-matter lines and a body, through the real loader. */
export function loaded(name: string, section: string | null, frontMatter: string, body = "Body text."): LoadedArticle {
  const result = parseArticle(`---\n${frontMatter.trim()}\n---\n${body}\n`, articleFile(name, section), "Asia/Kabul");
  if (!result.article) throw new Error(`fixture ${name}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.article;
}
