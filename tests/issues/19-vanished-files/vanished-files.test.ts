import { readdirSync, rmSync, unlinkSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { buildResumedAt, hasStack, snapshotTree } from "../18-output-folder/support.ts";
import { article, build, makeSite, NOW } from "../19-long-names/site.ts";

/**
 * Issue 19 item 13: an article or a picture moved or deleted while a build
 * ran gave `internal error: ENOENT`. The build stops as for a content error
 * (exit 1), naming the file that went, with the previous site as it was and
 * nothing left beside it. The build is paused (NEWSROOM_PAUSE_AT) at the
 * step where the file is deleted, so the test lands there every time.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

type Site = ReturnType<typeof makeSite>;

/** A build of `site` paused at `step`, `act` run there, then resumed. */
const buildPausedAt = (site: Site, step: string, act: () => void) =>
  buildResumedAt(
    step,
    ["build", "--content", site.content, "--site", site.site, "--out", site.out, "--now", NOW],
    { NEWSROOM_CACHE: path.join(site.root, "cache") },
    act,
  );

async function newsroom(): Promise<Site> {
  const site = makeSite("vanished", "name: Vanishing\nsections:\n  - World\n", {
    "world/plain.md": article({ title: "Plain story" }),
    "world/other.md": article({ title: "Other story" }),
    "world/pictured/index.md": article({ title: "Pictured", image: { src: "lead.png", alt: "The lead" } }, "Text.\n\n![A body picture](body.png)\n"),
  });
  roots.push(site.root);
  for (const name of ["lead.png", "body.png"]) {
    await sharp({ create: { width: 120, height: 80, channels: 3, background: name === "lead.png" ? "#335577" : "#775533" } })
      .png()
      .toFile(path.join(site.content, "world/pictured", name));
  }
  const first = build(site);
  expect(first.status, first.stderr).toBe(0);
  return site;
}

describe("files that vanish during a build", () => {
  it.each([
    ["an article", "build:found", "world/plain.md"],
    ["a lead picture, before it is read", "build:found", "world/pictured/lead.png"],
    ["a body picture, before it is read", "build:found", "world/pictured/body.png"],
  ])("should stop cleanly when %s is deleted (paused at %s)", async (_, step, rel) => {
    const site = await newsroom();
    const before = snapshotTree(site.out);
    const beside = readdirSync(site.root).sort();
    const run = await buildPausedAt(site, step, () => rmSync(path.join(site.content, rel), { recursive: true }));
    expect(run.paused, run.stderr).toBe(true);
    expect(hasStack(run.stderr), run.stderr).toBe(false);
    expect(run.stderr).not.toMatch(/ENOENT/);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`error +file-vanished +\`${site.content}/${rel.replace(/\//g, "\\/")}[^\`]*\` was there when the build began, but was moved or deleted`),
    );
    expect(run.stderr).toMatch(/Nothing was published/);
    expect(snapshotTree(site.out)).toEqual(before);
    expect(readdirSync(site.root).sort()).toEqual(beside);
    // Once the files are settled, the next build publishes.
    const next = build(site);
    expect(hasStack(next.stderr), next.stderr).toBe(false);
    expect([0, 1]).toContain(next.status);
  });

  // Pictures are read and decoded while loading; encoded ones are kept in the cache by the bytes' hash.
  // Deleted after that, a picture is published as it was read, or the build stops as above: never a stack.
  it.each([
    ["a picture, after it was read", "world/pictured/lead.png"],
    ["a whole bundle, after its pictures were read", "world/pictured"],
  ])("should publish what it read, or stop cleanly, when %s is deleted (paused at build:loaded)", async (_, rel) => {
    const site = await newsroom();
    const before = snapshotTree(site.out);
    const run = await buildPausedAt(site, "build:loaded", () => rmSync(path.join(site.content, rel), { recursive: true }));
    expect(run.paused, run.stderr).toBe(true);
    expect(hasStack(run.stderr), run.stderr).toBe(false);
    expect(run.stderr).not.toMatch(/ENOENT|internal error/);
    if (run.status === 0) {
      const published = readdirSync(path.join(site.out, "world/pictured"));
      expect(published.filter((f) => /^lead-[0-9a-f]{10}-\d+\.(avif|webp|png)$/.test(f)).length).toBeGreaterThan(0);
    } else {
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/error +file-vanished/);
      expect(snapshotTree(site.out)).toEqual(before);
    }
  });

  it("should say at once which of many articles went, and report the others' problems too", async () => {
    const site = await newsroom();
    const run = await buildPausedAt(site, "build:found", () => {
      unlinkSync(path.join(site.content, "world/plain.md"));
      unlinkSync(path.join(site.content, "world/other.md"));
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/world\/plain\.md:1:1 +error +file-vanished/);
    expect(run.stderr).toMatch(/world\/other\.md:1:1 +error +file-vanished/);
  });
});
