import { createHash } from "node:crypto";

/**
 * The search index is cut into shards, each a Pagefind index of its own
 * that the search page merges in the reader's browser (Pagefind's
 * `mergeIndex`). A build re-indexes only the shards whose pages' searchable
 * documents changed and carries the others over, so editing one article costs
 * one shard, not the whole archive; and Pagefind, whose time and memory grow
 * faster than the pages it indexes, never holds more than one shard.
 *
 * How many: a shard costs the reader's browser one request per query word
 * (and one for its metadata on loading), so a small archive is best one
 * index; but an edit re-indexes its whole shard, which for one index of a
 * thousand articles is seconds of a warm build, so a larger one is cut
 * so that a shard keeps at least ~250 pages. From 4,000 articles that is 16
 * shards (~625 pages each at 10,000, each indexed in seconds and a fraction
 * of the memory the whole index took; figures in bench/RESULTS.md). Sixteen
 * at most, so a query never costs more than sixteen index requests: past
 * 10,000 articles the shards grow instead (6,250 pages each at 100,000,
 * each indexed alone, so Pagefind's memory follows a shard, not the
 * archive). The count is a power of two and a page's shard is the
 * low bits of a hash of its path, so when the archive crosses a threshold
 * each shard splits in two (every shard is indexed again, once) and no page
 * otherwise moves. The count depends on the pages alone, never on the
 * previous build, so a warm build still writes what a cold build writes.
 */
export const PAGES_PER_SHARD = 250;
export const MAX_SHARDS = 16;

/** Shards for `pages` indexed pages: the most, a power of two up to MAX_SHARDS, that keeps `perShard` pages in each. */
export function shardCount(pages: number, perShard: number = PAGES_PER_SHARD): number {
  let count = 1;
  while (count < MAX_SHARDS && pages >= 2 * count * perShard) count *= 2;
  return count;
}

/** `NEWSROOM_SEARCH_SHARD_PAGES=<n>`: pages per shard instead of PAGES_PER_SHARD, for tests that need several shards of a small site. */
export const SHARD_PAGES_VARIABLE = "NEWSROOM_SEARCH_SHARD_PAGES";

/** Pages per shard for this build. */
export function pagesPerShard(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env[SHARD_PAGES_VARIABLE];
  if (setting === undefined || setting === "") return PAGES_PER_SHARD;
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${SHARD_PAGES_VARIABLE}: \`${setting}\` is not a whole number of pages, 1 or more`);
  return n;
}

/** The folder, under the site, of every shard and of the list of shards. */
export const SEARCH_FOLDER = "pagefind";
/** The list of shards the search page merges (only shards with pages are written). */
export const SHARD_LIST = "shards.json";

/**
 * A page's shard of `count` (a power of two), by the low bits of a hash of
 * its path: independent of every other page, and a page's shard of 2k is
 * its shard of k or that plus k.
 */
export function shardOf(page: string, count: number): number {
  return createHash("sha256").update(page).digest().readUInt32BE(0) % count;
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
