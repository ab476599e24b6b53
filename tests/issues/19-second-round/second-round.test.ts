import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";

/**
 * Cases of issue 19's classes found by a blind second round after the
 * fixes: a cache folder among the sources or in the output (a usage
 * mistake), a config that is a device failing midway (words, not a stack),
 * a headline of nothing a reader can see (a content error at its place).
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-second-round-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
}

function site(name: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(ROOT, "tests/e2e/site"), dir, { recursive: true });
  return dir;
}

describe("a second round of issue 19's classes", () => {
  for (const [where, cache] of [
    ["the content folder", (dir: string) => path.join(dir, "content/world")],
    ["the output folder", (dir: string) => path.join(dir, "out/cache")],
  ] as const) {
    it(`should refuse a cache folder inside ${where}, leaving nothing there`, () => {
      const dir = site(`cache-${where.replace(/\W+/g, "-")}`);
      const before = readdirSync(path.join(dir, "content/world")).sort();
      const result = run(["build", "--content", path.join(dir, "content"), "--out", path.join(dir, "out")], { NEWSROOM_CACHE: cache(dir) });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^error: NEWSROOM_CACHE: \`.*\` is inside ${where}`));
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(readdirSync(path.join(dir, "content/world")).sort()).toEqual(before);
      expect(existsSync(path.join(dir, "out"))).toBe(false);
    });
  }

  it("should say in words that a config read fails midway, naming it", () => {
    const result = run(["build", "--content", path.join(ROOT, "tests/e2e/site/content"), "--out", path.join(work, "mem-out"), "--site", "/proc/self/mem"]);
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/^error: .*\(EIO\) at `\/proc\/self\/mem`/);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("should say that a file's name is not UTF-8, not that it vanished", () => {
    const dir = site("undecodable-name");
    // The name as bytes: Node cannot hold it as a string, and reads it with U+FFFD.
    const name = Buffer.concat([
      Buffer.from(path.join(dir, "content/world/raw")),
      Buffer.from([0x9b]),
      Buffer.from("name"),
      Buffer.from([0xff]),
      Buffer.from(".md"),
    ]);
    writeFileSync(name, "---\ntitle: Raw\ndate: 2026-10-17T09:00:00+04:30\n---\nA body.\n");
    const result = run(["check", "--content", path.join(dir, "content"), "--site", path.join(dir, "site.yaml")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/raw\uFFFDname\uFFFD\.md:1:1 {2}error {2}file-name-encoding/);
    expect(result.stderr).not.toMatch(/file-vanished|internal error/);
  });

  it("should refuse a headline of only invisible and direction marks at its place", () => {
    const dir = site("invisible-title");
    writeFileSync(path.join(dir, "content/world/blank.md"), '---\ntitle: "\\u200f\\u202e\\u2066 \\u200b\\u00ad"\ndate: 2026-10-17T09:00:00+04:30\n---\nA body.\n');
    const result = run(["check", "--content", path.join(dir, "content"), "--site", path.join(dir, "site.yaml")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/blank\.md:2:8 {2}error {2}field-invalid {2}`title` has no letter, digit or sign a reader can see/);
  });
});
