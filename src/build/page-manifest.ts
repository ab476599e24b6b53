import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PageHashes } from "./page-plan.ts";

/**
 * What the previous build wrote, kept beside the caches: each planned
 * page's hash with the size, modification time and inode its file had. A
 * page is carried over only while its file is still exactly that file (the
 * check git makes of its work tree): an output touched by hand, restored
 * from a backup or written by another build is rendered again.
 */

interface Entry {
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

/** The hashes of the previous output's pages that are still on disk as that build left them. */
export async function previousPages(manifestFile: string, outDir: string): Promise<PageHashes> {
  const found = new Map<string, string>();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  } catch {
    return found;
  }
  const out = path.resolve(outDir);
  if (manifest?.format !== 1 || manifest.outDir !== out || typeof manifest.pages !== "object" || manifest.pages === null) return found;
  await Promise.all(
    Object.entries(manifest.pages).map(async ([rel, entry]) => {
      try {
        const s = await stat(path.join(out, rel));
        if (s.isFile() && s.size === entry.size && s.mtimeMs === entry.mtimeMs && s.ino === entry.ino && typeof entry.hash === "string") {
          found.set(rel, entry.hash);
        }
      } catch {
        // Gone: rendered again.
      }
    }),
  );
  return found;
}

/**
 * Put the previous output's unchanged pages into the folder being built, as
 * hard links (no bytes copied; the old folder is deleted after the swap),
 * or as copies where links are refused. Pages already written are left.
 */
export async function carryOver(from: string, to: string, paths: readonly string[]): Promise<void> {
  const made = new Set<string>();
  for (const rel of paths) {
    const target = path.join(to, rel);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    if (existsSync(target)) continue;
    try {
      await link(path.join(from, rel), target);
    } catch {
      await copyFile(path.join(from, rel), target);
    }
  }
}

/** Record the pages of `builtDir` (to be published as `outDir`) for the next build. */
export async function recordPages(manifestFile: string, outDir: string, builtDir: string, hashes: PageHashes): Promise<void> {
  const pages: Record<string, Entry> = {};
  await Promise.all(
    [...hashes].map(async ([rel, hash]) => {
      const s = await stat(path.join(builtDir, rel));
      pages[rel] = { hash, size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    }),
  );
  const manifest: Manifest = { format: 1, outDir: path.resolve(outDir), pages };
  await mkdir(path.dirname(manifestFile), { recursive: true });
  const temporary = `${manifestFile}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(manifest));
  await rename(temporary, manifestFile);
}
