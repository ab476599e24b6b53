import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus.ts";
import { ROOT } from "../support/cli.ts";

/**
 * The build benchmark is never timed here: this only keeps it working, on
 * 200 articles, one round. The numbers come from `npm run bench`.
 */
describe("npm run bench (build, smoke run)", () => {
  it("should generate the same corpus for the same size and seed", () => {
    const a = generateCorpus(50);
    expect(generateCorpus(50)).toEqual(a);
    expect(new Set(a.map((x) => x.slug)).size).toBe(50);
    expect(a.some((x) => x.text.includes("check_also:"))).toBe(true);
  });

  it("should build 200 articles cold and warm, with the baselines, and print the ratios", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/build.ts"), "--smoke"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ +200 {2}ours, cold +[\d.]+/m);
    expect(result.stdout).toMatch(/^ +200 {2}ours, warm \(1 edit\) +[\d.]+/m);
    expect(result.stdout).toMatch(/^ +200 {2}plain Eleventy +[\d.]+/m);
    expect(result.stdout).toMatch(/ratios: cold\/Eleventy [\d.]+/);
  }, 240_000);
});
