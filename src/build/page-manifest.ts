import path from "node:path";
import { fileStamp, readManifest, type Stamp, stillAsRecorded, writeManifest } from "../io/previous-output.ts";
import type { PageHashes } from "./page-plan.ts";

/**
 * What the previous build wrote of the planned pages: each page's hash with
 * its file's stamp (previous-output.ts). A page is carried over only while
 * its file is still exactly that file.
 */

export interface Entry extends Stamp {
  readonly hash: string;
}

interface Pages {
  /** The templates' and pipeline's fingerprint (pipeline-version.ts), which every page's hash includes. */
  readonly version: string;
  readonly pages: Record<string, Entry>;
}

/**
 * The previous output's pages that are still on disk as that build left
 * them, with what was recorded of each. None when they were made by other
 * code (`version`): no hash could match, and the files are not looked at.
 */
export async function previousPages(manifestFile: string, outDir: string, version: string): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  const manifest = await readManifest<Pages>(manifestFile, outDir);
  if (manifest?.version !== version || typeof manifest.pages !== "object" || manifest.pages === null) return found;
  const out = path.resolve(outDir);
  for (const [rel, entry] of Object.entries(manifest.pages)) {
    if (typeof entry?.hash === "string" && stillAsRecorded(out, rel, entry)) found.set(rel, entry);
  }
  return found;
}

/**
 * Record the pages of `builtDir` (to be published as `outDir`) for the next
 * build, and return what was recorded: the search index takes the pages'
 * stamps from it instead of looking at thousands of files again. `same` are
 * entries known to describe their file still (pages linked from the
 * previous output): only the others are looked at.
 */
export async function recordPages(
  manifestFile: string,
  outDir: string,
  builtDir: string,
  version: string,
  hashes: PageHashes,
  same: ReadonlyMap<string, Entry> = new Map(),
): Promise<ReadonlyMap<string, Entry>> {
  const pages = new Map<string, Entry>();
  // In path order, so the file does not depend on the order pages were planned in.
  for (const [rel, hash] of [...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const known = same.get(rel);
    if (known?.hash === hash) {
      pages.set(rel, known);
      continue;
    }
    const stamp = fileStamp(path.join(builtDir, rel));
    if (stamp === undefined) throw new Error(`internal: the page \`${rel}\` was planned but not written`);
    pages.set(rel, { hash, ...stamp });
  }
  await writeManifest(manifestFile, outDir, { version, pages: Object.fromEntries(pages) } satisfies Pages);
  return pages;
}
