import { parseArticle } from "../content/load-article.ts";
import type { ParseTask, ParsedArticle } from "./parsed-article.ts";

/** One article's parse, as plain data (parsed-article.ts): what a worker thread sends back and the cache keeps. */
export function parseToData(task: ParseTask): ParsedArticle {
  const { article, diagnostics } = parseArticle(task.source, task.file, task.zone, task.embedHosts);
  if (article === undefined) return { article: undefined, diagnostics };
  return { article: { slug: article.slug, frontMatter: article.frontMatter, body: article.body }, diagnostics };
}

/** A worker thread's whole job (see parse-pool.ts): a batch of articles in, their parses out, in order. */
export default function parseBatch(tasks: readonly ParseTask[]): ParsedArticle[] {
  return tasks.map(parseToData);
}
