import path from "node:path";
import { readManifest, type Stamp, stillAsRecorded, writeManifest } from "../io/previous-output.ts";

/**
 * What the previous build fed the search index, kept beside the other
 * caches: for every page, its searchable document's hash (null for a page
 * Pagefind skips) with the size, modification time and inode its file had;
 * for every shard, the hash of its inputs and the same stamps of its files.
 * A page's recorded hash is used only while its file is still exactly that
 * file (a page carried over from the previous output is a hard link to it),
 * and a shard is carried over only while every file of it is: the same check
 * the page manifest makes (src/build/page-manifest.ts). Anything else is read
 * and indexed again. Stamps, manifests and carrying files over are the
 * build's (src/io/previous-output.ts).
 */

export interface PageRecord extends Stamp {
  readonly document: string | null;
}

export interface ShardRecord {
  readonly hash: string;
  /** Every file of the shard, relative to the site, with its stamp. */
  readonly files: Record<string, Stamp>;
}

interface Search {
  /** The fingerprint of the code that cuts documents out of pages: another cuts others. */
  readonly extractor: string;
  readonly pages: Record<string, PageRecord>;
  readonly shards: Record<string, ShardRecord>;
}

export interface PreviousSearch {
  /** Recorded pages, to be trusted only where a page's file still has the recorded stamp. */
  readonly pages: ReadonlyMap<string, PageRecord>;
  /** Shard folder → hash, for the shards whose files are all still in the output as recorded. */
  readonly shards: ReadonlyMap<string, ShardRecord>;
}

const NOTHING: PreviousSearch = { pages: new Map(), shards: new Map() };

export async function previousSearch(manifestFile: string, outDir: string, extractor: string): Promise<PreviousSearch> {
  const manifest = await readManifest<Search>(manifestFile, outDir);
  if (typeof manifest?.pages !== "object" || manifest.pages === null || typeof manifest.shards !== "object" || manifest.shards === null) return NOTHING;
  const out = path.resolve(outDir);
  const shards = new Map<string, ShardRecord>();
  for (const [folder, shard] of Object.entries(manifest.shards)) {
    if (typeof shard?.hash !== "string" || typeof shard.files !== "object" || shard.files === null) continue;
    if (Object.entries(shard.files).every(([rel, recorded]) => stillAsRecorded(out, rel, recorded))) shards.set(folder, shard);
  }
  // Documents cut by other code are not these documents; the shards built from them still stand on their own hashes.
  const pages = manifest.extractor === extractor ? new Map(Object.entries(manifest.pages)) : new Map<string, PageRecord>();
  return { pages, shards };
}

export async function recordSearch(
  manifestFile: string,
  outDir: string,
  extractor: string,
  pages: ReadonlyMap<string, PageRecord>,
  shards: ReadonlyMap<string, ShardRecord>,
): Promise<void> {
  const search: Search = { extractor, pages: Object.fromEntries(pages), shards: Object.fromEntries(shards) };
  await writeManifest(manifestFile, outDir, search);
}
