import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { cutToBytes, SEGMENT_BYTES, safeSegment } from "../../../src/content/address.ts";
import { hasStack } from "../18-output-folder/support.ts";
import { article, brokenLinks, build, makeSite, treeOf } from "./site.ts";

/**
 * Issue 19 item 3: a name whose address passes 255 bytes (a file name, a
 * tag, author, outlet or section of 130 Pashto letters, a picture whose name
 * plus `-<hash>-<width>.avif` does) stopped the build with ENAMETOOLONG,
 * exit 2. Every path segment written fits, links and files agree, and a folder
 * thousands deep is not walked.
 */
const pashto = (letters: number): string => "پښتو".repeat(Math.ceil(letters / 4)).slice(0, letters);
const bytes = (s: string): number => Buffer.byteLength(s, "utf8");
const roots: string[] = [];
const deep: string[] = [];
afterAll(() => {
  deep.forEach(removeDeep);
  roots.forEach((r) => rmSync(r, { recursive: true, force: true }));
});

/** Remove a chain of `deep/deep/…` folders from the bottom up, in relative steps (its absolute paths are too long for the system). */
function removeDeep(top: string): void {
  const home = process.cwd();
  process.chdir(top);
  let depth = 0;
  while (existsSync("deep")) {
    process.chdir("deep");
    depth++;
  }
  for (const entry of readdirSync(".")) rmSync(entry);
  for (; depth > 0; depth--) {
    process.chdir("..");
    rmdirSync("deep");
  }
  process.chdir(home);
}

describe("long names", () => {
  it("should build a site of names past 255 bytes, every segment within it, every link found", async () => {
    const long = pashto(130);
    const fileName = `${"ښ".repeat(118)}.md`; // 239 bytes
    const picture = `${"p".repeat(240)}.png`;
    const site = makeSite("long-names", `name: Long\nsections:\n  - World\n  - ${long}\n  - title: Sport\n    slug: ${pashto(140)}\n`, {
      [`world/${fileName}`]: article({ title: "Long file name", tags: [long, `${long} ${long}`], author: long, outlet: `${long}!` }),
      "world/lead/index.md": article({ title: "Long picture", image: { src: picture, alt: "A picture" }, tags: [`${long}x`] }, `Text.\n\n![Alt text](${picture})\n`),
      "world/in-section.md": article({ title: "In the long section", section: long, authors: [`${long} ${long}`, "Second Author"] }),
      "world/sport.md": article({ title: "Sport", section: "Sport", outlet: long }),
    });
    roots.push(site.root);
    await sharp({ create: { width: 900, height: 600, channels: 3, background: "#4a6d8c" } })
      .png()
      .toFile(path.join(site.content, "world/lead", picture));
    const run = build(site);
    expect(hasStack(run.stderr), run.stderr).toBe(false);
    expect(run.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(run.status, run.stderr).toBe(0);
    const tree = treeOf(site.out);
    const tooLong = tree.flatMap((p) => p.split("/")).filter((segment) => bytes(segment) > SEGMENT_BYTES);
    expect(tooLong).toEqual([]);
    // Every name got a page, and every link names a file written.
    expect(tree.filter((p) => /^tags\/[^/]+\/index\.html$/.test(p))).toHaveLength(3);
    expect(tree.filter((p) => /^authors\/[^/]+\/index\.html$/.test(p))).toHaveLength(3);
    expect(tree.filter((p) => /^outlets\/[^/]+\/index\.html$/.test(p))).toHaveLength(2);
    expect(tree.filter((p) => p.endsWith(".avif")).length).toBeGreaterThan(0);
    expect(brokenLinks(site.out)).toEqual([]);
    // Same input, same addresses.
    const again = build(site);
    expect(again.status).toBe(0);
    expect(treeOf(site.out)).toEqual(tree);
  });

  it("should not walk a folder thousands deep inside a section", () => {
    const site = makeSite("deep-folders", "name: Deep\nsections:\n  - World\n", { "world/fine.md": article({ title: "Fine" }) });
    roots.push(site.root);
    // Relative steps: the absolute path of the deepest folder is far past PATH_MAX.
    const home = process.cwd();
    deep.push(path.join(site.content, "world"));
    process.chdir(path.join(site.content, "world"));
    try {
      for (let i = 0; i < 3000; i++) {
        mkdirSync("deep");
        process.chdir("deep");
      }
      writeFileSync("buried.md", article({ title: "Buried" }));
    } finally {
      process.chdir(home);
    }
    const run = build(site);
    expect(hasStack(run.stderr), run.stderr).toBe(false);
    expect(run.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/folder-too-deep/);
    expect(treeOf(site.out)).toContain("world/fine/index.html");
  });
});

describe("safeSegment", () => {
  it("should keep short slugs, and cut long ones at a character with a hash of the whole", () => {
    expect(safeSegment("kabul")).toEqual({ segment: "kabul", change: undefined });
    const a = safeSegment(`${"ښ".repeat(200)}-a`);
    const b = safeSegment(`${"ښ".repeat(200)}-b`);
    expect(a.change).toBe("shortened");
    expect(bytes(a.segment)).toBeLessThanOrEqual(255);
    expect(a.segment).not.toBe(b.segment);
    expect(a.segment).toMatch(/^ښ+_[0-9a-f]{10}$/);
  });

  it("should not cut a letter from its marks", () => {
    // Each é here is e + U+0301: a cut between them would change the letter.
    expect(cutToBytes("e\u0301e\u0301", 4)).toBe("e\u0301");
    expect(cutToBytes("e\u0301e\u0301", 5)).toBe("e\u0301");
    expect(cutToBytes("😀😀", 5)).toBe("😀");
  });
});
