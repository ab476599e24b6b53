import { parseArticle } from "./load-article.ts";
import { type ParsedArticle, type ParsedData, type ParseTask, toData, withPictures } from "./parsed-article.ts";

/** One article's parse, without the file's own parts (parsed-article.ts). */
export function parseOne(task: ParseTask): ParsedArticle {
  const { article, diagnostics, pictures } = parseArticle(task.source, task.file, task.zone, task.embedHosts, task.textWords);
  if (article === undefined) return withPictures({ article: undefined, diagnostics }, pictures);
  return { article: { slug: article.slug, frontMatter: article.frontMatter, body: article.body, bodyPictures: article.bodyPictures }, diagnostics };
}

/** A worker thread's whole job (see parse-pool.ts): a batch of articles in, their parses out as plain data, in order. */
export default function parseBatch(tasks: readonly ParseTask[]): ParsedData[] {
  return tasks.map((task) => toData(parseOne(task)));
}
