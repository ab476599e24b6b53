import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parserVersion } from "../../../src/io/pipeline-version.ts";
import { ROOT, snapshotTree } from "../../support/cli.ts";

/**
 * Issue 18 item 8: whoever can write the cache (a CI cache restored from a
 * pull request's run, say) but not the content must not reach a page or run
 * code. Each kind of cache is forged as an attacker would, recomputing every
 * hash it holds, and the build must not use it; a legitimate warm build
 * still does. The CLI runs from a copy of the sources of its own, so that
 * its `.cache/` (the CLI's and the workers' bundles) is this test's alone.
 */
let root: string;
let site: string;
const KEY = randomBytes(24).toString("hex");
const MARKER = "forged-code-ran";

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-forged-"));
  for (const entry of ["src", "templates", "public", "tsconfig.json", "package.json", "package-lock.json"])
    cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  site = path.join(root, "site");
  cpSync(path.join(ROOT, "tests/e2e/site"), site, { recursive: true });
  // A raster picture, so that the picture cache has entries.
  const bundle = path.join(site, "content/national/market-reopens");
  mkdirSync(bundle, { recursive: true });
  await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toFile(path.join(bundle, "market.jpg"));
  writeFileSync(
    path.join(bundle, "index.md"),
    "---\ntitle: The market reopens\ndate: 2026-10-21T10:00:00+04:30\nimage:\n  src: market.jpg\n  alt: Stalls open again\n---\nTraders returned to the old market.\n",
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Built {
  readonly status: number | null;
  readonly stderr: string;
  readonly hits: number;
}

function build(out: string, cache: string, env: NodeJS.ProcessEnv = {}): Built {
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, "src/cli/launch.mjs"),
      "build",
      "--content",
      path.join(site, "content"),
      "--site",
      path.join(site, "site.yaml"),
      "--out",
      out,
      "--now",
      "2026-11-24T12:00:00+04:30",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: cache, NEWSROOM_CACHE_KEY: KEY, NEWSROOM_TIMINGS: "1", ...env },
      timeout: 120_000,
    },
  );
  const timings = /^timings: (.*)$/m.exec(result.stderr);
  const hits = timings === null ? -1 : (JSON.parse(timings[1] as string) as { hits: number }).hits;
  return { status: result.status, stderr: result.stderr, hits };
}

/** Every file of the tree holding `needle`. */
function filesWith(dir: string, needle: string): string[] {
  return [...snapshotTree(dir)].filter(([, bytes]) => bytes.includes(needle)).map(([rel]) => rel);
}

const articleCacheFiles = (cache: string): string[] =>
  readdirSync(path.join(cache, "build"))
    .map((id) => path.join(cache, "build", id, "articles.bin"))
    .filter((file) => existsSync(file));

/**
 * Rewrite `articles.bin` as an attacker can: every body replaced by a
 * script, every body's hash and the index's checksum recomputed, whatever
 * the header holds besides left as it was.
 */
function forgeArticleCache(file: string): void {
  const bytes = readFileSync(file);
  const magicEnd = bytes.indexOf(10);
  const headerEnd = bytes.indexOf(10, magicEnd + 1);
  const header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString("utf8")) as Record<string, unknown> & { index: number; bodies: number };
  const index = deserialize(bytes.subarray(headerEnd + 1, headerEnd + 1 + header.index)) as [
    string,
    unknown,
    { hash: string; at: number; length: number } | undefined,
  ][];
  const evil = '<p>Hijacked</p><script>alert("forged")</script>';
  const bodies: Buffer[] = [];
  let at = 0;
  for (const entry of index) {
    const body = entry[2];
    if (body === undefined) continue;
    const html = Buffer.from(evil);
    body.hash = createHash("sha256").update(html).digest("hex");
    body.at = at;
    body.length = html.length;
    at += html.length;
    bodies.push(html);
  }
  const payload = serialize(index);
  const forged = { ...header, index: payload.length, bodies: at, sha256: createHash("sha256").update(payload).digest("hex") };
  writeFileSync(file, Buffer.concat([bytes.subarray(0, magicEnd + 1), Buffer.from(`${JSON.stringify(forged)}\n`), payload, ...bodies]));
}

describe("a forged cache", () => {
  it("should never put a forged article body into any page or feed, and a legitimate warm build should still use the cache", () => {
    const cache = path.join(root, "cache-articles");
    const out = path.join(root, "out-articles");
    const cold = build(out, cache);
    expect(cold.status, cold.stderr).toBe(0);
    const expected = snapshotTree(out);
    const warm = build(out, cache);
    expect(warm.status, warm.stderr).toBe(0);
    expect(warm.hits).toBeGreaterThan(0);
    expect(snapshotTree(out)).toEqual(expected);

    const files = articleCacheFiles(cache);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) forgeArticleCache(file);
    // No previous output: every page is made from what the cache holds.
    rmSync(out, { recursive: true, force: true });
    const forged = build(out, cache);
    expect(forged.status, forged.stderr).toBe(0);
    expect(filesWith(out, 'alert("forged")')).toEqual([]);
    expect(filesWith(out, "Hijacked")).toEqual([]);
    expect(forged.hits).toBe(0);
    expect(forged.stderr).toMatch(/not sealed with this machine's cache key/);
    expect(snapshotTree(out)).toEqual(expected);
  });

  it("should never run a forged worker bundle or CLI bundle", () => {
    const cache = path.join(root, "cache-code");
    const out = path.join(root, "out-code");
    const marker = path.join(root, MARKER);
    const first = build(out, cache);
    expect(first.status, first.stderr).toBe(0);
    const expected = snapshotTree(out);
    const payload = `import { writeFileSync } from "node:fs"; writeFileSync(${JSON.stringify(marker)}, "ran");\n`;

    // The parse worker's bundle: used (even for a few articles) whenever one was made before.
    const workers = path.join(root, ".cache/workers");
    mkdirSync(workers, { recursive: true });
    const workerBundle = path.join(workers, `parse-worker-${parserVersion(root).slice(0, 16)}.mjs`);
    writeFileSync(workerBundle, `${payload}export default () => []; export const parseOne = () => ({ article: undefined, diagnostics: [] });\n`);
    // The CLI's bundle: its entry file replaced, its hash in the manifest recomputed where the manifest keeps one.
    const cli = path.join(root, ".cache/cli");
    const manifestFile = path.join(cli, "main.json");
    const text = readFileSync(manifestFile, "utf8");
    const jsonAt = text.indexOf("{");
    const manifest = JSON.parse(text.slice(jsonAt)) as { bundle: string; files: string[] | Record<string, string> };
    const forgedEntry = `${payload}process.exit(0);\n`;
    writeFileSync(path.join(cli, manifest.bundle), forgedEntry);
    if (!Array.isArray(manifest.files)) manifest.files[manifest.bundle] = createHash("sha256").update(forgedEntry).digest("hex");
    writeFileSync(manifestFile, `${text.slice(0, jsonAt)}${JSON.stringify(manifest)}`);

    // A cold parse (a new cache folder), so the parser is needed.
    rmSync(out, { recursive: true, force: true });
    const forged = build(out, path.join(root, "cache-code-2"));
    expect(existsSync(marker)).toBe(false);
    expect(forged.status, forged.stderr).toBe(0);
    expect(snapshotTree(out)).toEqual(expected);
    expect(forged.stderr).toMatch(/not sealed with this machine's cache key/);
  });

  it("should never publish a forged cached picture, only the real encoding", () => {
    // Whatever the test before left of the code caches, this one starts clean.
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
    const out = path.join(root, "out-images");
    const reference = path.join(root, "out-images-cold");
    expect(build(reference, "off").status).toBe(0);
    const expected = snapshotTree(reference);
    const cache = path.join(root, "cache-images");
    expect(build(out, cache).status).toBe(0);
    const images = path.join(cache, "images");
    const entries = readdirSync(images).sort();
    expect(entries.length).toBeGreaterThan(1);
    // Each cached file given another's bytes (a real picture, seal and all), and one made up whole.
    const contents = entries.map((name) => readFileSync(path.join(images, name)));
    entries.forEach((name, i) => writeFileSync(path.join(images, name), contents[(i + 1) % contents.length] as Buffer));
    writeFileSync(path.join(images, entries[0] as string), Buffer.concat([Buffer.from("GIF89a/*"), Buffer.from("*/=1;alert(1)//"), randomBytes(32)]));
    rmSync(out, { recursive: true, force: true });
    const forged = build(out, cache);
    expect(forged.status, forged.stderr).toBe(0);
    expect(snapshotTree(out)).toEqual(expected);
  });
});
