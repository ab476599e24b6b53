import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config from "../../vitest.config.ts";
import { ROOT } from "../support/cli.ts";
import { isIntegration, testFiles, unitTestFiles } from "../support/test-kinds.ts";

/** The loops CONTRIBUTING.md and docs/developers.md promise: `npm run test:unit` starts nothing, `npm test` runs everything. */
const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

describe("which tests the fast loop runs", () => {
  const files: Record<string, string> = {
    "tests/a/pure.test.ts": `import { ROOT } from "../support/cli.ts";\nimport { x } from "../../src/x.ts";`,
    "tests/a/cli.test.ts": `import { ROOT, runCli } from "../support/cli.ts";`,
    "tests/a/types.test.ts": `import type { CliResult } from "../support/cli.ts";\nimport type { Page } from "playwright-core";`,
    "tests/a/browser.test.ts": `import { chromium } from "playwright-core";`,
    "tests/a/spawns.test.ts": `import {\n  spawnSync,\n} from "node:child_process";`,
    "tests/a/server.test.ts": `import { createServer } from "node:http";`,
    "tests/a/through.test.ts": `import { makeSite } from "./helper.ts";`,
    "tests/a/helper.ts": `import { more } from "./deeper.ts";`,
    "tests/a/deeper.ts": `export { spawn as more } from "node:child_process";`,
    "tests/a/cycle.test.ts": `import "./cycle-b.ts";`,
    "tests/a/cycle-b.ts": `import "./cycle.test.ts";`,
    "tests/a/quoted.test.ts": 'const file = `import { spawn } from "node:child_process";`;',
    "tests/a/scaling.test.ts": `import { growth } from "../support/growth.ts";`,
    "tests/a/site.e2e.test.ts": `import { x } from "../../src/x.ts";`,
    "tests/support/cli.ts": `import { spawnSync } from "node:child_process";`,
    "tests/support/growth.ts": "",
  };
  const read = (file: string): string => {
    const text = files[file];
    if (text === undefined) throw new Error(`no ${file}`);
    return text;
  };

  it("should leave out a test that starts a process, a browser or a server, itself or through a helper", () => {
    const kinds = Object.keys(files)
      .filter((file) => file.startsWith("tests/a/") && file.endsWith(".test.ts"))
      .map((file) => `${file.slice(8)}: ${isIntegration(file, read) ? "integration" : "unit"}`);
    expect(kinds).toEqual([
      "pure.test.ts: unit",
      "cli.test.ts: integration",
      "types.test.ts: unit",
      "browser.test.ts: integration",
      "spawns.test.ts: integration",
      "server.test.ts: integration",
      "through.test.ts: integration",
      "cycle.test.ts: unit",
      "quoted.test.ts: unit",
      "scaling.test.ts: integration",
      "site.e2e.test.ts: integration",
    ]);
  });

  it("should sort the real suite so that no unit test starts the CLI or a browser", () => {
    const unit = unitTestFiles(ROOT);
    expect(unit.length).toBeGreaterThan(20);
    for (const file of unit) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      expect(text, file).not.toMatch(/\brunCli\(|\bspawn(?:Sync)?\(|\bchromium\.launch\(|\bexecFile(?:Sync)?\(/);
    }
    expect(unit).not.toContain("tests/browser/reader.browser.test.ts");
    expect(unit).not.toContain("tests/cli/build.e2e.test.ts");
    expect(unit).toContain("tests/markdown/commonmark.test.ts");
    expect(unit).toContain("tests/docs/test-loops.test.ts");
  });

  it("should split the suite into two projects that together hold every test once", () => {
    const projects = (config.test?.projects ?? []) as { test: { name: string; include: string[]; exclude?: string[] } }[];
    const [unit, integration] = projects.map((project) => project.test);
    expect(unit?.name).toBe("unit");
    expect(integration?.name).toBe("integration");
    expect(unit?.include).toEqual(unitTestFiles(ROOT));
    expect(integration?.include).toEqual(["tests/**/*.test.ts"]);
    for (const file of testFiles(ROOT)) expect(integration?.exclude?.includes(file), file).toBe(unit?.include.includes(file));
  });

  it("should be the scripts the docs name", () => {
    expect(scripts["test:unit"]).toBe("vitest run --project unit");
    expect(scripts.test).toBe("tsc --noEmit && biome check . && vitest run --coverage");
    expect(scripts.lint).toBe("biome check .");
    expect(scripts.format).toBe("biome check --write .");
    expect(scripts.coverage).toBe("vitest run --coverage");
    const guide = readFileSync(path.join(ROOT, "docs/developers.md"), "utf8");
    for (const name of ["test:unit", "coverage", "lint", "format"]) expect(guide, name).toContain(`npm run ${name}`);
    expect(guide).toContain("npm test");
  });
});
