import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { carryOverAside } from "../../src/build/carry-aside.ts";
import { previousPages } from "../../src/build/page-manifest.ts";
import { carryOver, stampOf, stillAsRecorded, withdraw, writeManifest } from "../../src/io/previous-output.ts";
import { ROOT } from "../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "newsroom-previous-output-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `count` pages of a previous output, in folders as a site has them. */
function previousOutput(count: number): { from: string; paths: string[] } {
  const from = path.join(work, `from-${count}`);
  const paths = Array.from({ length: count }, (_, i) => `section-${i % 7}/story-${i}/index.html`);
  for (const [i, rel] of paths.entries()) {
    mkdirSync(path.dirname(path.join(from, rel)), { recursive: true });
    writeFileSync(path.join(from, rel), `<p>page ${i}</p>`);
  }
  return { from, paths };
}

describe("carryOver", () => {
  it("should link pages of the previous output into the new one, folders made, files already there left alone", () => {
    const { from, paths } = previousOutput(40);
    const to = path.join(work, "to");
    // Into a folder not made yet, or beside a page the build rendered itself, which is not replaced.
    const linked = carryOver(from, `${to}-new`, paths);
    expect([...linked].sort()).toEqual([...paths].sort());
    mkdirSync(path.join(to, "section-0/story-0"), { recursive: true });
    writeFileSync(path.join(to, "section-0/story-0/index.html"), "rendered");
    const beside = carryOver(from, to, paths);
    expect([...beside].sort()).toEqual(paths.slice(1).sort());
    for (const rel of paths.slice(1)) expect(statSync(path.join(to, rel)).ino).toBe(statSync(path.join(from, rel)).ino);
    expect(readFileSync(path.join(to, "section-0/story-0/index.html"), "utf8")).toBe("rendered");
  });
});

describe("carryOverAside", () => {
  it("should link on a worker thread what carryOver links on this one", async () => {
    const { from, paths } = previousOutput(30);
    const to = path.join(work, "aside");
    const { linked: linking } = await carryOverAside(ROOT, { from, to, paths }, 0);
    const linked = await linking;
    expect([...linked].sort()).toEqual([...paths].sort());
    for (const rel of paths) expect(statSync(path.join(to, rel)).ino).toBe(statSync(path.join(from, rel)).ino);
  });
});

describe("withdraw", () => {
  it("should take files out with the folders they leave empty, and no folder that still holds something", () => {
    const { from, paths } = previousOutput(14);
    const to = path.join(work, "withdrawn");
    carryOver(from, to, paths);
    // section-0 holds story-0 and story-7; story-0 alone goes.
    withdraw(to, ["section-0/story-0/index.html", "section-1/story-1/index.html", "section-1/story-8/index.html", "gone/never-there/index.html"]);
    expect(existsSync(path.join(to, "section-0/story-0"))).toBe(false);
    expect(readFileSync(path.join(to, "section-0/story-7/index.html"), "utf8")).toBe("<p>page 7</p>");
    expect(existsSync(path.join(to, "section-1"))).toBe(false);
    expect(existsSync(to)).toBe(true);
    expect(readdirSync(to).sort()).toEqual(["section-0", "section-2", "section-3", "section-4", "section-5", "section-6"]);
  });
});

describe("paths read from a manifest", () => {
  it("should never reach outside the output: a tampered page manifest's entry is not as recorded, and carrying refuses it", async () => {
    const out = path.join(work, "site-out");
    mkdirSync(path.join(out, "news/a"), { recursive: true });
    writeFileSync(path.join(out, "news/a/index.html"), "<p>a</p>");
    // A file beside the output whose stamp the manifest states exactly.
    writeFileSync(path.join(work, "outside.html"), "not ours");
    const manifest = path.join(work, "pages.json");
    const entry = (file: string) => ({ hash: "h", ...stampOf(statSync(file)) });
    await writeManifest(manifest, out, {
      version: "v1",
      pages: { "news/a/index.html": entry(path.join(out, "news/a/index.html")), "../outside.html": entry(path.join(work, "outside.html")) },
    });
    expect([...(await previousPages(manifest, out, "v1")).keys()]).toEqual(["news/a/index.html"]);
    expect((await previousPages(manifest, out, "v2")).size).toBe(0);
    // The check every manifest makes (the search index's shards too).
    expect(stillAsRecorded(out, "../outside.html", stampOf(statSync(path.join(work, "outside.html"))))).toBe(false);
    expect(stillAsRecorded(out, "news/a/index.html", stampOf(statSync(path.join(out, "news/a/index.html"))))).toBe(true);
    expect(() => carryOver(out, path.join(work, "site-new"), ["../outside.html"])).toThrow(/outside the output folder/);
    expect(() => withdraw(path.join(work, "site-new"), ["../outside.html"])).toThrow(/outside the output folder/);
    expect(readFileSync(path.join(work, "outside.html"), "utf8")).toBe("not ours");
  });
});
