import { copyFileSync, linkSync, mkdirSync, rmdirSync, type Stats, statSync, unlinkSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { cacheUnusable } from "./cache-location.ts";
import { cacheSecret, seal, sealMatches, warnForged } from "./cache-seal.mjs";
import { fileInside, outputFile } from "./output-file.ts";

/**
 * What a build takes over from the previous output. A file written by the
 * last build is trusted only while it is still exactly that file: the same
 * size, modification time and inode (the check git makes of its work tree).
 * An output touched by hand, restored from a backup or written by another
 * build is made again. What was recorded lives in manifests beside the
 * caches, one per kind (pages, search), each valid for one output folder.
 *
 * File calls are synchronous on purpose: nothing else runs meanwhile, and
 * for the thousands of pages of a newsroom's output the promise API's stats,
 * links and reads cost seconds more, several times the synchronous calls.
 */

export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export function stampOf(s: Stats | Stamp): Stamp {
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

/** The stamp of the file at `file`, or undefined when there is none (or it is a folder). */
export function fileStamp(file: string): Stamp | undefined {
  const s = statSync(file, { throwIfNoEntry: false });
  return s?.isFile() === true ? stampOf(s) : undefined;
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

/**
 * Whether `rel` in `outDir` is still the file `recorded` describes. Both
 * come from a manifest in the cache: a path that would reach outside the
 * output is never as recorded.
 */
export function stillAsRecorded(outDir: string, rel: string, recorded: Stamp): boolean {
  const file = fileInside(outDir, rel);
  const now = file === undefined ? undefined : fileStamp(file);
  return now !== undefined && sameStamp(now, recorded);
}

interface Envelope {
  readonly format: 1;
  /** The output folder, resolved: a manifest says nothing about another. */
  readonly outDir: string;
}

const MANIFEST = "newsroom-manifest 2 ";

/** What seals a manifest: its name (pages or search) and its JSON text. */
function manifestSeal(secret: Buffer, file: string, json: string): Buffer {
  return seal(secret, "manifest", path.basename(file), json);
}

/**
 * The manifest in `file` for the output `outDir`, or undefined when there is
 * none, it is unreadable, for another folder, or not sealed with this
 * machine's cache key (cache-seal.mjs): a forged manifest could carry over a
 * page or a search shard that no longer belongs to the site.
 */
export async function readManifest<T extends object>(file: string, outDir: string): Promise<Partial<T> | undefined> {
  const secret = cacheSecret();
  if (secret === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const end = text.indexOf("\n");
  if (!text.startsWith(MANIFEST) || end < 0) return undefined;
  const json = text.slice(end + 1);
  if (!sealMatches(text.slice(MANIFEST.length, end), manifestSeal(secret, file, json))) {
    warnForged(`The manifest \`${file}\``);
    return undefined;
  }
  let manifest: (Envelope & Partial<T>) | null;
  try {
    manifest = JSON.parse(json) as (Envelope & Partial<T>) | null;
  } catch {
    return undefined;
  }
  return manifest?.format === 1 && manifest.outDir === path.resolve(outDir) ? manifest : undefined;
}

/**
 * Replace the manifest in `file`, atomically: a reader sees the old one or
 * the new, never half of one. Not written without a cache key; one that
 * cannot be written (a read-only cache, say) is said once and skipped: the
 * next build then carries nothing over, with the same result.
 */
export async function writeManifest(file: string, outDir: string, body: object): Promise<void> {
  const secret = cacheSecret();
  if (secret === undefined) return;
  const json = JSON.stringify({ format: 1, outDir: path.resolve(outDir), ...body } satisfies Envelope);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, `${MANIFEST}${manifestSeal(secret, file, json).toString("hex")}\n${json}`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    cacheUnusable(file, error);
  }
}

/**
 * Put files of the previous output into the folder being built, as hard
 * links (no bytes copied; the old folder is deleted after the swap), or as
 * copies where links are refused. Files already there are left. Returns the
 * files linked: they are the previous build's files, with the same stamps.
 */
export function carryOver(from: string, to: string, paths: readonly string[]): Set<string> {
  const folders = new Folders(to);
  const linked = new Set<string>();
  for (const rel of paths) {
    const source = outputFile(from, rel);
    const target = outputFile(to, rel);
    folders.make(path.dirname(target));
    try {
      linkSync(source, target);
      linked.add(rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") copyFileSync(source, target);
    }
  }
  return linked;
}

/**
 * Take files out of `root` again (carried over, then found changed or gone),
 * with the folders they leave empty: the folder then holds what a build
 * from nothing would write, no empty folder more.
 */
export function withdraw(root: string, paths: Iterable<string>): void {
  const top = path.join(root, ".");
  for (const rel of paths) {
    const file = outputFile(root, rel);
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    // `file` lies inside `root` (outputFile): the walk up ends there.
    for (let dir = path.dirname(file); dir !== top; dir = path.dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty (or gone): nor are the folders above it
      }
    }
  }
}

/**
 * Folders made under `root`, each with one plain `mkdir`: a recursive one
 * tries and checks every level again, which for thousands of page folders
 * is time a build sees, though this disk's noise is large.
 */
class Folders {
  readonly #made = new Set<string>();
  constructor(root: string) {
    mkdirSync(root, { recursive: true });
    this.#made.add(path.join(root, "."));
  }

  make(dir: string): void {
    if (this.#made.has(dir)) return;
    const parent = path.dirname(dir);
    if (parent !== dir) this.make(parent);
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    this.#made.add(dir);
  }
}
