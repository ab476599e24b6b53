import { statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * What the previous build fed the search index, kept beside the other
 * caches: for every page, its searchable document's hash (null for a page
 * Pagefind skips) with the size, modification time and inode its file had;
 * for every shard, the hash of its inputs and the same stamps of its files.
 * A page's recorded hash is used only while its file is still exactly that
 * file (a page carried over from the previous output is a hard link to it),
 * and a shard is carried over only while every file of it is: the same check
 * the page manifest makes (src/build/page-manifest.ts). Anything else is read
 * and indexed again.
 */

export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export interface PageRecord extends Stamp {
  readonly document: string | null;
}

export interface ShardRecord {
  readonly hash: string;
  /** Every file of the shard, relative to the site, with its stamp. */
  readonly files: Record<string, Stamp>;
}

interface Manifest {
  readonly format: 1;
  /** The output folder, resolved: a manifest says nothing about another. */
  readonly outDir: string;
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

export function stampOf(s: Stamp): Stamp {
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/** Synchronous, as in pagefind.ts: thousands of small stats cost less so than through the promise API. */
function stillThere(dir: string, files: Record<string, Stamp>): boolean {
  return Object.entries(files).every(([rel, recorded]) => {
    const s = statSync(path.join(dir, rel), { throwIfNoEntry: false });
    return s !== undefined && s.isFile() && sameStamp(s, recorded);
  });
}

export async function previousSearch(manifestFile: string, outDir: string, extractor: string): Promise<PreviousSearch> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  } catch {
    return NOTHING;
  }
  const out = path.resolve(outDir);
  if (manifest?.format !== 1 || manifest.outDir !== out || typeof manifest.pages !== "object" || typeof manifest.shards !== "object") return NOTHING;
  const shards = new Map<string, ShardRecord>();
  for (const [folder, shard] of Object.entries(manifest.shards ?? {})) {
    if (typeof shard?.hash === "string" && typeof shard.files === "object" && shard.files !== null && stillThere(out, shard.files)) shards.set(folder, shard);
  }
  // Documents cut by other code are not these documents; the shards built from them still stand on their own hashes.
  const pages = manifest.extractor === extractor ? new Map(Object.entries(manifest.pages ?? {})) : new Map<string, PageRecord>();
  return { pages, shards };
}

export async function recordSearch(
  manifestFile: string,
  outDir: string,
  extractor: string,
  pages: ReadonlyMap<string, PageRecord>,
  shards: ReadonlyMap<string, ShardRecord>,
): Promise<void> {
  const manifest: Manifest = { format: 1, outDir: path.resolve(outDir), extractor, pages: Object.fromEntries(pages), shards: Object.fromEntries(shards) };
  await mkdir(path.dirname(manifestFile), { recursive: true });
  const temporary = `${manifestFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, manifestFile);
}
