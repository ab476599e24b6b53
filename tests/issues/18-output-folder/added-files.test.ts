import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, hasStack, NOW, snapshotTree } from "./support.ts";

/**
 * Issue 18 item 10: a file added to the output by hand (a `CNAME` for
 * GitHub Pages) was deleted by the next build without a word. The build
 * refuses such an output, naming the files and pointing at `public/`.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-added-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { NEWSROOM_CACHE: path.join(work, "cache") };

describe("files added to the output by hand", () => {
  it.each([
    ["CNAME", "news.example.org\n"],
    [".well-known/security.txt", "Contact: mailto:security@example.org\n"],
    ["national/notes.txt", "not for readers\n"],
  ])("should refuse to replace an output holding %s, name it and keep it", (added, text) => {
    const out = path.join(work, `out-${added.replaceAll("/", "_")}`);
    expect(cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], env).status).toBe(0);
    mkdirSync(path.dirname(path.join(out, added)), { recursive: true });
    writeFileSync(path.join(out, added), text);
    const before = snapshotTree(out);

    const again = cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`\`${added}\``);
    expect(again.stderr).toContain("public/");
    expect(again.stderr).toMatch(/^error: --out: /);
    expect(hasStack(again.stderr)).toBe(false);
    expect(readFileSync(path.join(out, added), "utf8")).toBe(text);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("should still replace an output that only holds what the last build wrote, edits included", () => {
    const out = path.join(work, "edited");
    expect(cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], env).status).toBe(0);
    const built = snapshotTree(out);
    writeFileSync(path.join(out, "index.html"), "edited by hand");
    rmSync(path.join(out, "robots.txt"));
    expect(cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], env).status).toBe(0);
    expect(snapshotTree(out)).toEqual(built);
  });
});
