import { createHash } from "node:crypto";
import path from "node:path";
import type { ArticleCacheOptions } from "./load-articles.ts";
import { parserVersion } from "./pipeline-version.ts";

/** `NEWSROOM_CACHE=off` builds without caches; `NEWSROOM_CACHE=<dir>` keeps them there instead of `<root>/.cache`. */
export const CACHE_VARIABLE = "NEWSROOM_CACHE";

/** Where every cache of a build lives (parses and pages in `build/`, pictures in `images/`); undefined when caching is off. */
export function cacheBase(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env[CACHE_VARIABLE];
  if (setting === "off") return undefined;
  return setting === undefined || setting === "" ? path.join(root, ".cache") : path.resolve(setting);
}

/**
 * Where a build keeps its parse and page caches: one folder per content
 * folder and output folder, so two sites (or a test beside an editor's
 * build) never evict each other's entries. Undefined when caching is off.
 */
export function cacheFolder(root: string, contentDir: string, outDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = cacheBase(root, env);
  if (base === undefined) return undefined;
  const id = createHash("sha256").update(`${path.resolve(contentDir)}\0${path.resolve(outDir)}`).digest("hex").slice(0, 16);
  return path.join(base, "build", id);
}

/** The parsed-article cache in `folder`, keyed by the fingerprint of the code that parses. */
export function articleCache(root: string, folder: string | undefined): ArticleCacheOptions | undefined {
  if (folder === undefined) return undefined;
  return {
    file: path.join(folder, "articles.bin"),
    version: parserVersion(root),
  };
}
