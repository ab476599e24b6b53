import { createHash } from "node:crypto";

/**
 * The search index is cut into shards, each a Pagefind index of its own
 * that the search page merges in the reader's browser (Pagefind's
 * `mergeIndex`). A build re-indexes only the shards whose pages' searchable
 * documents changed and carries the others over, so editing one article costs
 * one shard, not the whole archive; and Pagefind, whose time and memory grow
 * faster than the pages it indexes, never holds more than one shard.
 *
 * Sixteen: at 10,000 articles a shard of ~625 pages takes a few seconds and
 * ~250 MB, where the whole index took 50 s and 2.5 GB; and a query costs the
 * browser one small index request per shard (in parallel), not one for
 * every shard of a finer cut. The count is fixed, so no article ever moves to
 * another shard as the archive grows.
 */
export const SHARD_COUNT = 16;

/** The folder, under the site, of every shard and of the list of shards. */
export const SEARCH_FOLDER = "pagefind";
/** The list of shards the search page merges (only shards with pages are written). */
export const SHARD_LIST = "shards.json";

/** A page's shard, by a hash of its path: stable across builds and independent of every other page. */
export function shardOf(page: string): number {
  return createHash("sha256").update(page).digest().readUInt32BE(0) % SHARD_COUNT;
}

/** The folder of shard `n`, relative to the site: `pagefind/07`. */
export function shardFolder(n: number): string {
  return `${SEARCH_FOLDER}/${String(n).padStart(2, "0")}`;
}

/** One page as Pagefind receives it: its path in the site and its searchable document's hash. */
export interface ShardPage {
  readonly page: string;
  readonly document: string;
}

/**
 * Everything a shard's index is made from: Pagefind's version and options,
 * and each page's path and searchable document (by hash), in path order.
 * Equal hashes, equal index: Pagefind writes the same bytes for the same
 * documents added in the same order.
 */
export function shardHash(indexer: string, pages: readonly ShardPage[]): string {
  const hash = createHash("sha256").update(indexer);
  for (const { page, document } of pages) hash.update(`\0${page}\0${document}`);
  return hash.digest("hex");
}
