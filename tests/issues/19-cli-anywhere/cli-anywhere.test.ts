import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";

/**
 * Issue 19, item 11: the CLI run from another folder, one with a tsconfig of
 * its own that reads JSX differently (as a newsroom's other project might),
 * must build as from the checkout: tsx took the JSX settings from the
 * working folder, and every template failed with `React is not defined`.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-anywhere-"));
  writeFileSync(path.join(work, "tsconfig.json"), JSON.stringify({ compilerOptions: { jsx: "react", jsxFactory: "React.createElement" } }));
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "elsewhere", type: "commonjs" }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), ...args], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
}

describe("the CLI from another folder", () => {
  for (const [name, env] of [
    ["from its bundle", {}],
    // A key too short to seal anything: no bundle is kept, and the CLI runs through tsx from the sources.
    ["through tsx", { NEWSROOM_CACHE_KEY: "short", NEWSROOM_CACHE: path.join(tmpdir(), "unused-cache") }],
  ] as const) {
    it(`should build the sample site ${name}`, () => {
      const out = path.join(work, `out-${name.replace(/\W+/g, "-")}`);
      const result = run(["build", "--content", path.join(ROOT, "content"), "--out", out, "--now", NOW], env);
      expect(result.stderr).not.toMatch(/React is not defined|internal error|Problem writing/);
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toMatch(/^<!doctype html>/);
      expect(existsSync(path.join(out, "404.html"))).toBe(true);
    });
  }

  it("should check the content and show usage from there too", () => {
    expect(run(["check", "--content", path.join(ROOT, "content"), "--now", NOW]).status).toBe(0);
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage:");
  });
});
