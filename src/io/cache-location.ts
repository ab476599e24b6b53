import { createHash } from "node:crypto";
import { mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheSecret, warnOnce } from "./cache-seal.mjs";
import { parserVersion } from "./pipeline-version.ts";

export interface ArticleCacheOptions {
  /** The packed cache file (git-ignored). */
  readonly file: string;
  /** The pipeline's fingerprint (pipeline-version.ts). */
  readonly version: string;
  /** The key that seals the file (cache-seal.mjs). */
  readonly secret: Buffer;
}

/** `NEWSROOM_CACHE=off` builds without caches; `NEWSROOM_CACHE=<dir>` keeps them there instead of `<root>/.cache`. */
export const CACHE_VARIABLE = "NEWSROOM_CACHE";

/**
 * Where every cache of a build lives (parses and pages in `build/`, pictures
 * in `images/`); undefined when caching is off, when there is no key to seal
 * entries with (cache-seal.mjs), or when the folder cannot be used.
 */
export function cacheBase(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env[CACHE_VARIABLE];
  if (setting === "off") return undefined;
  if (cacheSecret(env) === undefined) return undefined;
  const base = setting === undefined || setting === "" ? path.join(root, ".cache") : path.resolve(setting);
  return usable(base) ? base : undefined;
}

const checked = new Map<string, boolean>();

/**
 * Whether files can be made in `base`, tried once per process. The cache is
 * an optimisation: a folder that is a file, on a read-only file system or
 * otherwise refused makes a build without caches, said once, never a failure.
 */
function usable(base: string): boolean {
  let ok = checked.get(base);
  if (ok !== undefined) return ok;
  const probe = path.join(base, `.probe-${process.pid}`);
  try {
    makeFolder(base);
    writeFileSync(probe, "");
    unlinkSync(probe);
    ok = true;
  } catch (error) {
    cacheUnusable(base, error);
    ok = false;
  }
  checked.set(base, ok);
  return ok;
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns
 * under `/proc` (it retries the ENOENT there for ever).
 */
function makeFolder(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === "EEXIST" && statSync(dir).isDirectory()) return;
    if (code !== "ENOENT" || path.dirname(dir) === dir) throw error;
    makeFolder(path.dirname(dir));
    mkdirSync(dir);
  }
}

/** Say once that the cache (or a file of it) cannot be used, and why, in words. */
export function cacheUnusable(where: string, error: unknown): void {
  const { code, message } = error as NodeJS.ErrnoException;
  const why =
    code === "ENOTDIR" || code === "EEXIST"
      ? "a file stands where a folder should be"
      : code === "EISDIR"
        ? "a folder stands where a file should be"
        : code === "EROFS"
          ? "the file system is read-only"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : code === "ENOSPC"
              ? "the disk is full"
              : message;
  warnOnce("cache-unusable", `the cache at \`${where}\` cannot be used (${why}): building without it, with the same result.`);
}

/**
 * Where a build keeps its parse and page caches: one folder per content
 * folder and output folder, so two sites (or a test beside an editor's
 * build) never evict each other's entries. Undefined when caching is off.
 */
export function cacheFolder(root: string, contentDir: string, outDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = cacheBase(root, env);
  if (base === undefined) return undefined;
  const id = createHash("sha256")
    .update(`${path.resolve(contentDir)}\0${path.resolve(outDir)}`)
    .digest("hex")
    .slice(0, 16);
  return path.join(base, "build", id);
}

/** The parsed-article cache in `folder`, keyed by the fingerprint of the code that parses. */
export function articleCache(root: string, folder: string | undefined): ArticleCacheOptions | undefined {
  if (folder === undefined) return undefined;
  const secret = cacheSecret();
  if (secret === undefined) return undefined;
  return {
    file: path.join(folder, "articles.bin"),
    version: parserVersion(root),
    secret,
  };
}
