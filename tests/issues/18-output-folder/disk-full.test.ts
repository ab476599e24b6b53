import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, hasStack, NOW, processesMentioning, snapshotTree } from "./support.ts";

/**
 * Issues 18 items 14 and 15: a disk that fills while the new site is
 * written. A small tmpfs (this suite runs as root, as CI does) holds the
 * previous site with room for about half of another: the rebuild, without
 * a cache so that every file is written anew, runs out of space partway
 * (in our writes, Eleventy's or Pagefind's, wherever it falls). The build
 * says so in words with exit 2, the previous site stays as it was, and
 * nothing is left beside it.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-full-"));
const disk = path.join(work, "disk");
mkdirSync(disk);
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", disk], { stdio: "ignore" });
  mounted = true;
} catch {
  // Reported by the test below.
}
afterAll(() => {
  if (mounted) execFileSync("umount", [disk]);
  rmSync(work, { recursive: true, force: true });
});

describe("a disk that fills during a build", () => {
  it("should stop with a plain message, the previous site intact and nothing beside it", () => {
    expect(mounted, "mounting a tmpfs needs root, as the test suite has in CI").toBe(true);
    const out = path.join(disk, "out");
    const args = ["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW];
    expect(cli(args, { NEWSROOM_CACHE: "off" }).status).toBe(0);
    const before = snapshotTree(out);
    const { blocks, bfree, bsize } = statfsSync(disk);
    const used = (blocks - bfree) * bsize;
    execFileSync("mount", ["-o", `remount,size=${Math.ceil((used * 1.5) / 4096) * 4096}`, disk]);

    const run = cli(args, { NEWSROOM_CACHE: "off" });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/the disk is full \(ENOSPC\)|No space left on device/);
    expect(run.stderr).toContain(`Nothing was published: \`${out}\` is unchanged.`);
    expect(hasStack(run.stderr)).toBe(false);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(disk)).toEqual(["out"]);
    expect(processesMentioning(disk)).toEqual([]);
  });
});
