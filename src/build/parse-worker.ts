import { type ParseTask, type ParsedArticle, parseToData } from "./parsed-article.ts";

/** A worker thread's whole job (see parse-pool.ts): a batch of articles in, their parses out, in order. */
export default function parseBatch(tasks: readonly ParseTask[]): ParsedArticle[] {
  return tasks.map(parseToData);
}
