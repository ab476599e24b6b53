// @ts-check
/**
 * The command line (`main.ts`) as a bundle that esbuild makes from our
 * sources, kept in `.cache/cli/` and run by launch.mjs. Through tsx, a
 * build's start-up went on starting tsx, then our modules one by one
 * through its loader, and it loaded the rest through it later; from the
 * bundle it starts in much less time (docs/performance.md).
 * Libraries stay outside the bundle, loaded by Node as they are; the page
 * templates (TSX) are imported through tsx's API (src/eleventy/templates.ts).
 *
 * The bundle is used only while every file esbuild read to make it is still
 * byte for byte what it read (their hashes are kept beside it, taken from
 * the very bytes esbuild compiled): a bundle is never stale. The bundle is
 * code kept in the cache, so its manifest also holds the hash of every file
 * of the bundle and is sealed (src/io/cache-seal.mjs): a bundle whose
 * manifest's seal or files' hashes do not verify is made again, and without
 * a cache key there is no bundle (the CLI runs through tsx). Plain
 * JavaScript, as it runs before any TypeScript can.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cacheSecret, seal, sealMatches, warnForged } from "../io/cache-seal.mjs";

export const ENTRY = "src/cli/main.ts";

/** @param {Uint8Array} bytes */
const hashOf = (bytes) => createHash("sha256").update(bytes).digest("hex");

/**
 * The bundle of the CLI under `root`, made now if there is none for the
 * sources as they are; undefined when it cannot be made.
 * @param {string} root
 * @returns {Promise<string | undefined>}
 */
export async function cliBundle(root) {
  const secret = cacheSecret();
  if (secret === undefined) return undefined;
  // At the same depth below the root as main.ts: the bundle finds the root as main.ts does (`../..`).
  const folder = path.join(root, ".cache", "cli");
  const manifest = path.join(folder, "main.json");
  const kept = keptBundle(root, folder, manifest, secret);
  if (kept !== undefined) return kept;
  try {
    return await makeBundle(root, folder, manifest, secret);
  } catch {
    return undefined;
  }
}

/**
 * The seal of a manifest's JSON, bound to the checkout it was made in.
 * @param {Buffer} secret
 * @param {string} root
 * @param {string} json
 */
const manifestSeal = (secret, root, json) => seal(secret, "cli-bundle", path.resolve(root), json);

/**
 * @param {string} root
 * @param {string} folder
 * @param {string} manifest
 * @param {Buffer} secret
 * @returns {string | undefined}
 */
function keptBundle(root, folder, manifest, secret) {
  let text;
  try {
    text = readFileSync(manifest, "utf8");
  } catch {
    return undefined;
  }
  const end = text.indexOf("\n");
  const json = text.slice(end + 1);
  if (end < 0 || !sealMatches(text.slice(0, end), manifestSeal(secret, root, json))) {
    warnForged(`The CLI's bundle (\`${manifest}\`)`);
    return undefined;
  }
  try {
    const { bundle, files, inputs } = JSON.parse(json);
    if (typeof bundle !== "string" || typeof files !== "object" || files === null || !(bundle in files) || typeof inputs !== "object" || inputs === null)
      return undefined;
    for (const [rel, hash] of Object.entries(inputs)) if (hashOf(readFileSync(path.join(root, rel))) !== hash) return undefined;
    for (const [file, hash] of Object.entries(files)) {
      if (path.basename(file) !== file || hashOf(readFileSync(path.join(folder, file))) !== hash) {
        warnForged(`The CLI's bundle file \`${path.join(folder, file)}\``);
        return undefined;
      }
    }
    return path.join(folder, bundle);
  } catch {
    return undefined;
  }
}

/** @type {Record<string, "ts" | "tsx" | "js" | "json">} */
const LOADERS = { ".ts": "ts", ".mts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".json": "json" };

/**
 * The bundle in files named by their contents: the entry, and a chunk for
 * each module the CLI imports only when a command needs it (the Markdown
 * pipeline, Eleventy, the search index), so that the libraries those import
 * are loaded then too, not at start-up: a warm build never loads the
 * Markdown pipeline unless it parses.
 * @param {string} root
 * @param {string} folder
 * @param {string} manifest
 * @param {Buffer} secret
 * @returns {Promise<string>}
 */
async function makeBundle(root, folder, manifest, secret) {
  const { build } = await import("esbuild");
  /** @type {Record<string, string>} */
  const inputs = { "tsconfig.json": hashOf(readFileSync(path.join(root, "tsconfig.json"))) };
  const result = await build({
    entryPoints: { main: path.join(root, ENTRY) },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outdir: folder,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: "silent",
    define: { __CLI_BUNDLE__: "true" },
    plugins: [
      {
        name: "hash-what-is-read",
        setup(build) {
          // Each file of ours is read here, hashed, and handed to esbuild: the hashes are of exactly what it compiled.
          build.onLoad({ filter: /\.(?:[mc]?[jt]sx?|json)$/ }, (args) => {
            const contents = readFileSync(args.path);
            inputs[path.relative(root, args.path).split(path.sep).join("/")] = hashOf(contents);
            return { contents, loader: LOADERS[path.extname(args.path)] ?? "js" };
          });
        },
      },
    ],
  });
  mkdirSync(folder, { recursive: true });
  // Each file whole or not at all: another build may be reading the same (same name, same bytes).
  // Written again when present: a file of that name may be anyone's.
  /** @type {Record<string, string>} */
  const files = {};
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
    files[path.basename(file.path)] = hashOf(file.contents);
  }
  const bundle = Object.keys(files).find((file) => file.startsWith("main-"));
  if (bundle === undefined) throw new Error("internal: esbuild made no entry file");
  const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)));
  const json = JSON.stringify({ bundle, files, inputs: sorted });
  const next = `${manifest}.${process.pid}.tmp`;
  writeFileSync(next, `${manifestSeal(secret, root, json).toString("hex")}\n${json}`);
  renameSync(next, manifest);
  pruneOlder(folder, new Set([...Object.keys(files), path.basename(manifest)]));
  return path.join(folder, bundle);
}

/** An hour: no CLI of an older version of the code is still starting. */
const STALE_MS = 3_600_000;

/**
 * Files of other versions of the bundle, made over an hour ago.
 * @param {string} folder
 * @param {ReadonlySet<string>} keep
 */
function pruneOlder(folder, keep) {
  const cutoff = Date.now() - STALE_MS;
  for (const file of readdirSync(folder)) {
    if (keep.has(file) || !/^(?:main|chunk)-[0-9A-Z]+\.mjs$/.test(file)) continue;
    const made = statSync(path.join(folder, file), { throwIfNoEntry: false })?.mtimeMs;
    if (made !== undefined && made < cutoff) rmSync(path.join(folder, file), { force: true });
  }
}
