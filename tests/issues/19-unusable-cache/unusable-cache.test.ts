import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, snapshotTree } from "../../support/cli.ts";

/**
 * Issue 19 item 14: the cache is an optimisation, so a cache that cannot be
 * used (a folder where a file should be, a file where a folder should be, a
 * read-only file system, `NEWSROOM_CACHE` naming a file) never stops the
 * build: one warning in words, exit 0, and what a build without caches
 * publishes.
 */
const SITE = path.join(ROOT, "tests/e2e/site");
const KEY = randomBytes(24).toString("hex");
let work: string;
let reference: Map<string, Buffer>;

function build(out: string, cache: string): { status: number | null; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "src/cli/launch.mjs"),
      "build",
      "--content",
      path.join(SITE, "content"),
      "--site",
      path.join(SITE, "site.yaml"),
      "--out",
      out,
      "--now",
      "2026-11-24T12:00:00+04:30",
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: cache, NEWSROOM_CACHE_KEY: KEY }, timeout: 120_000 },
  );
  return { status: result.status, stderr: result.stderr };
}

/** A build that must succeed as a cold one does, having said once, in words, that the cache is not used. */
function expectPublished(out: string, cache: string, warned = true): void {
  const result = build(out, cache);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.status, result.stderr).toBe(0);
  const warnings = result.stderr.split("\n").filter((line) => line.startsWith("warning: the cache"));
  expect(warnings.length, result.stderr).toBe(warned ? 1 : 0);
  expect(snapshotTree(out)).toEqual(reference);
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-unusable-cache-"));
  const cold = build(path.join(work, "reference"), "off");
  expect(cold.status, cold.stderr).toBe(0);
  reference = snapshotTree(path.join(work, "reference"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a cache that cannot be used", () => {
  it("should be said once when NEWSROOM_CACHE names a file, or a path under one", () => {
    const file = path.join(work, "a-file");
    writeFileSync(file, "not a folder");
    expectPublished(path.join(work, "out-file"), file);
    expectPublished(path.join(work, "out-under-file"), path.join(file, "cache"));
  });

  it("should be said once when the cache folder cannot be made at all", () => {
    expectPublished(path.join(work, "out-proc"), "/proc/newsroom-cache");
  });

  it("should be said once when a cache file is a folder or a cache folder is a file", () => {
    const cache = path.join(work, "cache-shapes");
    const out = path.join(work, "out-shapes");
    expectPublished(out, cache, false);
    const [id] = readdirSync(path.join(cache, "build"));
    const folder = path.join(cache, "build", id as string);
    for (const name of ["articles.bin", "pages.json", "search.json"]) {
      rmSync(path.join(folder, name), { force: true });
      mkdirSync(path.join(folder, name, "inside"), { recursive: true });
    }
    rmSync(path.join(cache, "images"), { recursive: true, force: true });
    writeFileSync(path.join(cache, "images"), "a file where the pictures' folder should be");
    rmSync(out, { recursive: true, force: true });
    expectPublished(out, cache);
    // The whole build folder a file.
    rmSync(path.join(cache, "build"), { recursive: true, force: true });
    writeFileSync(path.join(cache, "build"), "");
    expectPublished(out, cache);
  });

  const mountable = ((): boolean => {
    const probe = mkdtempSync(path.join(tmpdir(), "newsroom-mount-probe-"));
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    rmSync(probe, { recursive: true, force: true });
    return ok;
  })();

  // Root ignores file modes, so a read-only file system is a real one: a tmpfs mounted read-only, where this machine allows mounting.
  it.runIf(mountable)("should be said once when the cache is on a read-only file system, full of entries or empty", () => {
    const cache = mkdtempSync(path.join(tmpdir(), "newsroom-ro-cache-"));
    try {
      expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", cache]).status).toBe(0);
      const out = path.join(work, "out-ro");
      expectPublished(out, cache, false);
      expect(spawnSync("mount", ["-o", "remount,ro", cache]).status).toBe(0);
      // Entries that can be read, nothing that can be written: a change to the output makes the build write.
      rmSync(out, { recursive: true, force: true });
      expectPublished(out, cache);
      expectPublished(path.join(work, "out-ro-2"), cache);
    } finally {
      spawnSync("umount", [cache]);
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
