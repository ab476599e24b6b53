import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, snapshotTree } from "../support/cli.ts";

/**
 * A build killed at any moment leaves the published output byte for byte as
 * it was, or (once the swap is done) the complete new output: never a mix.
 */
const NOW = "2026-11-24T12:00:00+04:30";
const work = mkdtempSync(path.join(tmpdir(), "newsroom-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const same = (a: Map<string, Buffer>, b: Map<string, Buffer>): boolean =>
  a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true);

function buildAndKill(content: string, out: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "build", "--content", content, "--out", out, "--now", NOW], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), afterMs);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("a build killed midway", () => {
  it("should leave the previous output intact, or the whole new one", async () => {
    const oldContent = path.join(ROOT, "tests/e2e/site/content");
    const newContent = path.join(work, "content");
    cpSync(oldContent, newContent, { recursive: true });
    const file = path.join(newContent, "national/aid-reaches-baghlan.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: Aid reaches Baghlan", "title: Aid finally reaches Baghlan"));

    const out = path.join(work, "site", "out");
    const expectedNew = path.join(work, "expected-new");
    expect(runCli(["build", "--content", oldContent, "--out", out, "--now", NOW]).status).toBe(0);
    expect(runCli(["build", "--content", newContent, "--out", expectedNew, "--now", NOW]).status).toBe(0);
    const oldTree = snapshotTree(out);
    const newTree = snapshotTree(expectedNew);
    expect(same(oldTree, newTree)).toBe(false);

    let sawOld = false;
    for (const ms of [300, 1100, 1800]) {
      await buildAndKill(newContent, out, ms);
      // The next build mends what the killed one left behind; until then, `out` must be whole.
      if (existsSync(out)) {
        const now = snapshotTree(out);
        const isOld = same(now, oldTree);
        expect(isOld || same(now, newTree), `killed after ${ms} ms`).toBe(true);
        sawOld ||= isOld;
      } else {
        // Killed between the two renames: the previous output waits beside it, whole.
        const previous = readdirSync(path.dirname(out)).find((n) => n.startsWith(".out-previous-"));
        expect(previous, `killed after ${ms} ms`).toBeDefined();
        expect(same(snapshotTree(path.join(path.dirname(out), previous ?? "")), oldTree)).toBe(true);
      }
      if (!existsSync(out) || !same(snapshotTree(out), oldTree)) {
        // Put the old site back for the next round; this also mends any leftovers.
        expect(runCli(["build", "--content", oldContent, "--out", out, "--now", NOW]).status).toBe(0);
      }
    }
    expect(sawOld).toBe(true);
    // A completed build clears what the killed ones left beside the output.
    expect(runCli(["build", "--content", oldContent, "--out", out, "--now", NOW]).status).toBe(0);
    expect(same(snapshotTree(out), oldTree)).toBe(true);
    // The replaced output is deleted by a detached process, after the build has returned.
    await expect.poll(() => readdirSync(path.dirname(out)), { timeout: 10_000 }).toEqual(["out"]);
  }, 120_000);
});
