import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cacheSecret, seal, sealMatches, warnForged } from "./cache-seal.mjs";

/**
 * A worker thread's module as one plain JavaScript file, libraries
 * included. Node 20 does not pass tsx on to worker threads, and a worker
 * loading our TypeScript file by file through tsx would take seconds to
 * start. Libraries are bundled too: the Markdown pipeline is some hundreds
 * of small modules, and loading them one by one takes several times as long
 * as loading the one file, longer still in the CLI's process, where tsx's
 * loader sees every import (docs/performance.md). The bundle is named by the pipeline's fingerprint (our sources
 * and the lockfile), so it is made once per version of the code and never
 * used stale.
 *
 * The bundle is code that runs, kept in the cache: it ends with its seal
 * (cache-seal.mjs), and is run from the very bytes whose seal was checked,
 * as a `data:` URL, never from its file, which anyone who can write the
 * cache could change between the check and the load. A bundle without a
 * valid seal is made again; without a cache key it is made in memory for
 * this process and not kept.
 *
 * Returns the module's URL; undefined when it cannot be made, or when
 * `make` is false and it was not made before: the caller then does the work
 * on its own thread from the sources, slower, with the same result.
 */
export async function workerScript(root: string, entry: string, version: string, make = true): Promise<string | undefined> {
  const name = path.basename(entry, path.extname(entry));
  const folder = path.join(root, ".cache", "workers");
  const bundle = path.join(folder, `${name}-${version.slice(0, 16)}.mjs`);
  const secret = cacheSecret();
  const sealOf = (code: Uint8Array): Buffer => seal(secret as Buffer, "worker", path.resolve(root), name, version, code);
  if (secret !== undefined) {
    const kept = keptCode(bundle, sealOf);
    if (kept !== undefined) return dataUrl(kept);
  }
  if (!make) return undefined;
  let code: Uint8Array;
  try {
    code = await bundleOf(root, entry, bundle);
  } catch {
    return undefined;
  }
  if (secret !== undefined) await keep(bundle, code, sealOf(code), folder, name);
  return dataUrl(code);
}

const SEAL_LINE = "\n//# newsroom-seal ";

/** The code in `bundle` when it ends with its valid seal; undefined when there is none (said when there is a wrong one). */
function keptCode(bundle: string, sealOf: (code: Uint8Array) => Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(bundle);
  } catch {
    return undefined;
  }
  const at = bytes.lastIndexOf(SEAL_LINE);
  const code = at < 0 ? undefined : bytes.subarray(0, at);
  if (
    code !== undefined &&
    sealMatches(
      bytes
        .subarray(at + SEAL_LINE.length)
        .toString("latin1")
        .trim(),
      sealOf(code),
    )
  )
    return code;
  warnForged(`The worker bundle \`${bundle}\``);
  return undefined;
}

function dataUrl(code: Uint8Array): string {
  return `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
}

/** The bundle's code. Run from a `data:` URL, it is told the file URL it stands for (for `require` and `import.meta.url`). */
async function bundleOf(root: string, entry: string, bundle: string): Promise<Uint8Array> {
  const { build } = await import("esbuild");
  const url = JSON.stringify(pathToFileURL(bundle).href);
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
    define: { "import.meta.url": url },
    // CommonJS libraries inside an ES module still call `require` (for Node's own modules).
    banner: { js: `import { createRequire as __createRequire } from "node:module"; const require = __createRequire(${url});` },
  });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error("internal: esbuild made no worker bundle");
  return file.contents;
}

/** Keep `code` with its seal, whole or not at all; a cache that cannot be written only costs the next build a bundling. */
async function keep(bundle: string, code: Uint8Array, mac: Buffer, folder: string, name: string): Promise<void> {
  const temporary = `${bundle}.${process.pid}.tmp`;
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, Buffer.concat([code, Buffer.from(`${SEAL_LINE}${mac.toString("hex")}\n`, "latin1")]));
    await rename(temporary, bundle);
    await pruneOlder(folder, name, bundle);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
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
