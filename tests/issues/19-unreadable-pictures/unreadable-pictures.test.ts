import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, snapshotTree } from "../../support/cli.ts";
import { rawPng } from "../../support/picture-files.ts";

/**
 * Issue 19 item 5: files named as pictures that no decoder should be let
 * loose on, or that break half-way: each is `image-unreadable` at the line
 * and column that names it, found while the site is loaded (exit 1, the
 * previous site untouched), never an internal error after rendering.
 */
const NOW = "2026-10-20T12:00:00+04:30";
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-unreadable-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("pictures that are not pictures", () => {
  it("should report a decompression bomb, a truncated JPEG and lying headers at their places, and keep the previous site", async () => {
    const content = path.join(work, "content");
    const dir = path.join(content, "national", "bombs");
    mkdirSync(dir, { recursive: true });
    const good = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#4a6d8c" } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(dir, "index.md"), "---\ntitle: Bombs\ndate: 2026-10-14T09:30:00+04:30\nimage:\n  src: lead.jpg\n  alt: A road\n---\nText.\n");
    writeFileSync(path.join(dir, "lead.jpg"), good);
    const out = path.join(work, "out");
    const first = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(first.status, first.stderr).toBe(0);
    const before = snapshotTree(out);

    // 20,000 × 20,000 one-bit pixels: 50 MB of zeros, packed into some 50 KB.
    const bomb = rawPng(20000, 20000, { bitDepth: 1 });
    expect(bomb.length).toBeLessThan(100_000);
    writeFileSync(path.join(dir, "bomb.png"), bomb);
    const noisy = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(dir, "truncated.jpg"), noisy.subarray(0, Math.floor(noisy.length / 2)));
    writeFileSync(path.join(dir, "liar.png"), rawPng(60000, 60000, { idat: deflateSync(Buffer.alloc(64)) }));
    writeFileSync(path.join(dir, "short.png"), rawPng(3000, 2000, { idat: deflateSync(Buffer.alloc(64)) }));
    writeFileSync(path.join(dir, "huge.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="60000" height="60000"><rect width="10" height="10"/></svg>');
    writeFileSync(path.join(dir, "tall.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="90000"><rect width="10" height="10"/></svg>');
    writeFileSync(
      path.join(dir, "index.md"),
      "---\ntitle: Bombs\ndate: 2026-10-14T09:30:00+04:30\nimage:\n  src: bomb.png\n  alt: A road\n---\nText.\n\n![a](truncated.jpg)\n\nThen ![b](liar.png) and ![c](short.png).\n\n![d](huge.svg) ![e](tall.svg)\n",
    );
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.status).toBe(1);
    const index = `${content}/national/bombs/index.md`;
    const at = (place: string, name: string) => `${index}:${place}  error  image-unreadable  The picture \`${name}\` cannot be published:`;
    expect(result.stderr).toContain(`${at("5:8", "bomb.png")} it is 20000 × 20000 pixels, more than the 50 megapixels a picture may have`);
    expect(result.stderr).toContain(at("10:1", "truncated.jpg"));
    expect(result.stderr).toContain(`${at("12:6", "liar.png")} it is 60000 × 60000 pixels`);
    expect(result.stderr).toContain(at("12:25", "short.png"));
    expect(result.stderr).toContain(`${at("14:1", "huge.svg")} it is 60000 × 60000 pixels`);
    expect(result.stderr).toContain(at("14:16", "tall.svg"));
    // Found while loading: nothing was rendered, and the previous site is as it was.
    expect(result.stdout).not.toMatch(/pages? written|Built/i);
    expect(snapshotTree(out)).toEqual(before);
  });
});
