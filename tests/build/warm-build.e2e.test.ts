import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, snapshotTree } from "../support/cli.ts";

/**
 * A warm build (parses from the cache, pages carried over from the previous
 * output) must publish the very bytes a cold build of the same content
 * publishes: every file, including the pages of other articles that the
 * edit changes, and whatever state the cache or the old output is in.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T12:00:00+04:30";

let work: string;
let site: string;
const cacheDir = () => path.join(work, "cache");

interface Built {
  readonly status: number | null;
  readonly stderr: string;
  readonly timings: { rendered: number; carried: number; hits: number; parsed: number; ignored?: string };
}

function build(out: string, cache: string): Built {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "build", "--content", path.join(site, "content"), "--out", out, "--now", NOW], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: cache, NEWSROOM_TIMINGS: "1" },
    timeout: 120_000,
  });
  const line = /^timings: (.*)$/m.exec(result.stderr)?.[1];
  return { status: result.status, stderr: result.stderr, timings: line === undefined ? ({} as Built["timings"]) : JSON.parse(line) };
}

function expectSameTree(actual: string, expected: string): void {
  const a = snapshotTree(actual);
  const b = snapshotTree(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  const differing = [...b].filter(([file, bytes]) => !a.get(file)?.equals(bytes)).map(([file]) => file);
  expect(differing).toEqual([]);
}

const edit = (rel: string, from: string, to: string): void => {
  const file = path.join(site, "content", rel);
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-warm-"));
  site = path.join(work, "site");
  cpSync(FIXTURE, site, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a warm build", () => {
  it("should carry over unchanged pages and publish exactly what a cold build of the edited content publishes", () => {
    const out = path.join(work, "out");
    const first = build(out, cacheDir());
    expect(first.stderr.replace(/^timings: .*\n/m, "")).toBe("");
    expect(first.status).toBe(0);
    expect(first.timings.carried).toBe(0);
    const before = readFileSync(path.join(out, "national/floods-hit-baghlan/index.html"), "utf8");

    // Another article's Check Also box shows this title: its page must change too.
    edit("national/aid-reaches-baghlan.md", "title: Aid reaches Baghlan", "title: First aid convoys reach Baghlan");
    const warm = build(out, cacheDir());
    expect(warm.status).toBe(0);
    expect(warm.timings.parsed).toBe(1);
    expect(warm.timings.carried).toBeGreaterThan(0);
    expect(warm.timings.rendered).toBeGreaterThan(0);
    const after = readFileSync(path.join(out, "national/floods-hit-baghlan/index.html"), "utf8");
    expect(before).not.toContain("First aid convoys reach Baghlan");
    expect(after).toContain("First aid convoys reach Baghlan");

    const cold = path.join(work, "cold");
    expect(build(cold, "off").status).toBe(0);
    expectSameTree(out, cold);
  });

  it("should ignore a corrupt cache and a hand-edited output, and still publish what a cold build does", () => {
    const out = path.join(work, "out");
    for (const file of readdirSync(cacheDir(), { recursive: true, encoding: "utf8" })) {
      const full = path.join(cacheDir(), file);
      if (file.endsWith(".bin")) writeFileSync(full, readFileSync(full).subarray(0, -100));
    }
    // Same size, new bytes: only the file's change time and content tell.
    const page = path.join(out, "world/wire-copy/index.html");
    writeFileSync(page, readFileSync(page, "utf8").replace("<h1>", "<h2>"));
    edit("national/floods-hit-baghlan.md", "Floodwaters swept", "Floodwaters tore");

    const warm = build(out, cacheDir());
    expect(warm.status).toBe(0);
    expect(warm.timings.ignored).toMatch(/truncated/);
    expect(warm.timings.hits).toBe(0);
    const cold = path.join(work, "cold-2");
    expect(build(cold, "off").status).toBe(0);
    expectSameTree(out, cold);
  });
});
