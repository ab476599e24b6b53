import { copyFile, link, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { inParallel } from "./in-parallel.ts";
import type { PageHashes } from "./page-plan.ts";

/**
 * What the previous build wrote, kept beside the caches: each planned
 * page's hash with the size, modification time and inode its file had. A
 * page is carried over only while its file is still exactly that file (the
 * check git makes of its work tree): an output touched by hand, restored
 * from a backup or written by another build is rendered again.
 */

export interface Entry {
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

interface Manifest {
  readonly format: 1;
  /** The output folder, resolved: a manifest says nothing about another. */
  readonly outDir: string;
  readonly pages: Record<string, Entry>;
}

/** The previous output's pages that are still on disk as that build left them, with what was recorded of each. */
export async function previousPages(manifestFile: string, outDir: string): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  } catch {
    return found;
  }
  const out = path.resolve(outDir);
  if (manifest?.format !== 1 || manifest.outDir !== out || typeof manifest.pages !== "object" || manifest.pages === null) return found;
  await inParallel(Object.entries(manifest.pages), AT_ONCE, async ([rel, entry]) => {
    try {
      const s = await stat(path.join(out, rel));
      if (s.isFile() && s.size === entry.size && s.mtimeMs === entry.mtimeMs && s.ino === entry.ino && typeof entry.hash === "string") {
        found.set(rel, entry);
      }
    } catch {
      // Gone: rendered again.
    }
  });
  return found;
}

/** Links or copies at once: one at a time, 16,000 pages wait on the disk in turn. */
const AT_ONCE = 64;

/**
 * Put the previous output's unchanged pages into the folder being built, as
 * hard links (no bytes copied; the old folder is deleted after the swap),
 * or as copies where links are refused. Pages already written are left.
 * Returns the pages linked: they are the previous build's files, the same
 * size, time and inode.
 */
export async function carryOver(from: string, to: string, paths: readonly string[]): Promise<Set<string>> {
  const dirs = [...new Set(paths.map((rel) => path.dirname(path.join(to, rel))))];
  await inParallel(dirs, AT_ONCE, (dir) => mkdir(dir, { recursive: true }));
  const linked = new Set<string>();
  await inParallel(paths, AT_ONCE, async (rel) => {
    const target = path.join(to, rel);
    try {
      await link(path.join(from, rel), target);
      linked.add(rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
      await copyFile(path.join(from, rel), target);
    }
  });
  return linked;
}

/**
 * Record the pages of `builtDir` (to be published as `outDir`) for the next
 * build. `same` are entries known to describe their file still (pages
 * linked from the previous output): only the others are looked at.
 */
export async function recordPages(manifestFile: string, outDir: string, builtDir: string, hashes: PageHashes, same: ReadonlyMap<string, Entry> = new Map()): Promise<void> {
  const pages: Record<string, Entry> = {};
  await inParallel([...hashes], AT_ONCE, async ([rel, hash]) => {
    const known = same.get(rel);
    if (known?.hash === hash) {
      pages[rel] = known;
      return;
    }
    const s = await stat(path.join(builtDir, rel));
    pages[rel] = { hash, size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  });
  // In path order, so the file does not depend on which stat finished first.
  const sorted = Object.fromEntries(Object.keys(pages).sort().map((rel) => [rel, pages[rel] as Entry]));
  const manifest: Manifest = { format: 1, outDir: path.resolve(outDir), pages: sorted };
  await mkdir(path.dirname(manifestFile), { recursive: true });
  const temporary = `${manifestFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, manifestFile);
}
