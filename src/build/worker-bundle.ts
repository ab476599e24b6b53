import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A worker thread's module as one plain JavaScript file, libraries
 * included. Node 20 does not pass tsx on to worker threads, and a worker
 * loading our TypeScript file by file through tsx would take seconds to
 * start (measured: 3.7 s against 0.9 s for the parse worker). Libraries are
 * bundled too: the Markdown pipeline is some hundreds of small modules, and
 * loading them one by one took 0.5 s in a plain Node process and 0.8 s in
 * the CLI's (where tsx's loader sees every import), against 0.15 s for the
 * one file. The bundle is named by the pipeline's fingerprint (our sources
 * and the lockfile), so it is made once per version of the code and never
 * used stale. Undefined when it cannot be made (a read-only checkout, say),
 * or when `make` is false and it was not made before: the caller then does
 * the work on its own thread from the sources, slower, with the same result.
 */
export async function workerScript(root: string, entry: string, version: string, make = true): Promise<string | undefined> {
  const name = path.basename(entry, path.extname(entry));
  const folder = path.join(root, ".cache", "workers");
  const bundle = path.join(folder, `${name}-${version.slice(0, 16)}.mjs`);
  try {
    if (!existsSync(bundle)) {
      if (!make) return undefined;
      const { build } = await import("esbuild");
      await mkdir(folder, { recursive: true });
      const temporary = `${bundle}.${process.pid}.tmp.mjs`;
      await build({
        entryPoints: [path.join(root, entry)],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        outfile: temporary,
        logLevel: "silent",
        // CommonJS libraries inside an ES module still call `require` (for Node's own modules).
        banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
      });
      await rename(temporary, bundle);
      await pruneOlder(folder, name, bundle);
    }
    return pathToFileURL(bundle).href;
  } catch {
    return undefined;
  }
}

/** An hour: no build of an older version of the code is still starting its threads. */
const STALE_MS = 3_600_000;

/** Bundles of `name` for other versions of the code, made over an hour ago: each is megabytes, and a version once changed seldom comes back. */
async function pruneOlder(folder: string, name: string, keep: string): Promise<void> {
  const cutoff = Date.now() - STALE_MS;
  for (const file of await readdir(folder)) {
    const at = path.join(folder, file);
    if (at === keep || !file.startsWith(`${name}-`) || !file.endsWith(".mjs")) continue;
    const made = (await stat(at).catch(() => undefined))?.mtimeMs;
    if (made !== undefined && made < cutoff) await rm(at, { force: true });
  }
}
