import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, hasStack, NOW } from "../18-output-folder/support.ts";

/**
 * Issue 19 item 12: `--out` or `--content` naming a file (ENOTDIR), `--site`
 * naming a folder (EISDIR) or a device (`/dev/zero`: RangeError) gave stack
 * traces. Each is a usage error in words naming the flag, exit 2.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-usage-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = path.join(work, "a-file");
writeFileSync(file, "not a folder\n");
const folder = path.join(work, "a-folder");
mkdirSync(folder);

describe.each(["build", "check"])("npm run %s", (command) => {
  const cases: [string, string[], string][] = [
    ["--content naming a file", ["--content", file], "--content"],
    ["--site naming a folder", ["--content", FIXTURE_CONTENT, "--site", folder], "--site"],
    ["--site naming /dev/zero", ["--content", FIXTURE_CONTENT, "--site", "/dev/zero"], "--site"],
    ["--site under a file", ["--content", FIXTURE_CONTENT, "--site", path.join(file, "site.yaml")], "--site"],
  ];
  if (command === "build") {
    cases.push(
      ["--out naming a file", ["--content", FIXTURE_CONTENT, "--out", file], "--out"],
      ["--out under a file", ["--content", FIXTURE_CONTENT, "--out", path.join(file, "dist")], "--out"],
    );
  }
  it.each(cases)("should refuse %s in words, exit 2", (_, args, flag) => {
    const run = cli([command, ...args, "--now", NOW], { NEWSROOM_CACHE: path.join(work, "cache") });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^error: ${flag}: `));
    expect(hasStack(run.stderr)).toBe(false);
    expect(run.stderr).not.toMatch(/ENOTDIR|EISDIR|RangeError/);
  });
});
