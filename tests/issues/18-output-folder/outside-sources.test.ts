import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, hasStack, NOW, ROOT } from "./support.ts";

/**
 * Issue 18 item 13: an output folder inside a source folder (`--out
 * public/out`) was accepted, and every later build published the previous
 * site under `/out/`. Inside or holding any source folder is refused.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-inside-"));
const link = path.join(work, "to-public");
symlinkSync(path.join(ROOT, "public"), link);
const created = [path.join(ROOT, "public/out"), path.join(ROOT, "templates/out"), path.join(FIXTURE_CONTENT, "x")];
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // Only if an unfixed build made them.
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe("an output folder among the sources", () => {
  it.each([
    ["inside public/", "public/out", "public folder"],
    ["inside templates/", "templates/out", "templates folder"],
    ["inside the content folder", path.join(FIXTURE_CONTENT, "x"), "content folder"],
    ["inside public/ through a link", path.join(link, "out"), "public folder"],
    ["holding the current folder", ".", "contains"],
    ["holding the content folder", path.join(FIXTURE_CONTENT, ".."), "contains"],
    ["holding the site config's folder", path.join(ROOT, "tests/e2e"), "contains"],
  ])("should refuse an output %s", (_, out, says) => {
    const run = cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], { NEWSROOM_CACHE: path.join(work, "cache") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: --out: /);
    expect(run.stderr).toContain(says);
    expect(run.stderr).toContain("separate output folder");
    expect(hasStack(run.stderr)).toBe(false);
    for (const dir of created) expect(existsSync(dir), dir).toBe(false);
  });

  it("should refuse an output holding the folder of the site config given with --site", () => {
    const config = path.join(work, "config");
    mkdirSync(config);
    copyFileSync(path.join(FIXTURE_CONTENT, "../site.yaml"), path.join(config, "site.yaml"));
    const run = cli(["build", "--content", FIXTURE_CONTENT, "--site", path.join(config, "site.yaml"), "--out", config, "--now", NOW], {
      NEWSROOM_CACHE: path.join(work, "cache"),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("site config's folder");
    expect(hasStack(run.stderr)).toBe(false);
    expect(existsSync(path.join(config, "index.html"))).toBe(false);
  });
});
