import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.ts";

/** What package.json promises someone who installs the project or reads its page on a registry. */
interface PackageJson {
  readonly license?: string;
  readonly repository?: { type: string; url: string };
  readonly bin?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
let elsewhere: string;

beforeAll(() => {
  elsewhere = mkdtempSync(path.join(tmpdir(), "newsroom-bin-"));
});
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe("package.json", () => {
  it("should name the licence the LICENSE file grants", () => {
    expect(pkg.license).toBe("MIT");
    const licence = readFileSync(path.join(ROOT, "LICENSE"), "utf8");
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 The Newsroom authors\n/);
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("should say where the repository is", () => {
    expect(pkg.repository?.type).toBe("git");
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  });

  it("should install a `newsroom` command that runs the CLI from any folder", () => {
    const target = pkg.bin?.newsroom;
    expect(target).toBe("src/cli/launch.mjs");
    const file = path.join(ROOT, target ?? "");
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
    accessSync(file, constants.X_OK);

    // As npm links it: node_modules/.bin/newsroom -> a relative path into the installed package.
    const bin = path.join(elsewhere, "node_modules", ".bin");
    mkdirSync(bin, { recursive: true });
    symlinkSync(path.relative(bin, file), path.join(bin, "newsroom"));
    const run = (args: string[]) => spawnSync(path.join(bin, "newsroom"), args, { cwd: elsewhere, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

    const help = run(["--help"]);
    expect(help.stderr).toBe("");
    expect(help.stdout).toContain("Exit codes:");
    expect(help.status).toBe(0);

    const site = path.join(ROOT, "tests/e2e/site");
    const check = run(["check", "--content", path.join(site, "content"), "--site", path.join(site, "site.yaml"), "--format", "json"]);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect((JSON.parse(check.stdout) as { summary: { errors: number } }).summary.errors).toBe(0);
  }, 120_000);
});
