import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, NOW, snapshotTree } from "./support.ts";

/**
 * Issue 18 item 11: a symlinked output (`dist -> /srv/www/news`) was
 * replaced by a plain folder, so the served target kept the old site for
 * ever. The site is published through the link; a plain folder as before.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-link-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const edited = path.join(work, "edited-content");
cpSync(FIXTURE_CONTENT, edited, { recursive: true });
const article = path.join(edited, "national/aid-reaches-baghlan.md");
writeFileSync(article, readFileSync(article, "utf8").replace("title: Aid reaches Baghlan", "title: Aid finally reaches Baghlan"));
const headline = (dir: string): string => readFileSync(path.join(dir, "national/aid-reaches-baghlan/index.html"), "utf8").match(/<h1[^>]*>([^<]*)</)?.[1] ?? "";

describe.each([
  ["a symlinked output", true],
  ["a plain output", false],
])("%s", (name, linked) => {
  it("should publish each build where the server reads it, and leave nothing beside it", () => {
    const root = path.join(work, linked ? "linked" : "plain");
    const served = path.join(root, "srv", "news");
    const dist = path.join(root, "project", "dist");
    mkdirSync(path.dirname(dist), { recursive: true });
    if (linked) {
      mkdirSync(served, { recursive: true });
      symlinkSync(served, dist);
    }
    const where = linked ? served : dist;
    const env = { NEWSROOM_CACHE: path.join(root, "cache") };

    expect(cli(["build", "--content", FIXTURE_CONTENT, "--out", dist, "--now", NOW], env).status).toBe(0);
    expect(headline(where)).toBe("Aid reaches Baghlan");
    const first = snapshotTree(where);
    expect(cli(["build", "--content", edited, "--out", dist, "--now", NOW], env).status).toBe(0);
    expect(headline(where)).toBe("Aid finally reaches Baghlan");
    expect(snapshotTree(where)).not.toEqual(first);
    // The output read through the link is the one served.
    expect(snapshotTree(dist)).toEqual(snapshotTree(where));
    if (linked) {
      expect(lstatSync(dist).isSymbolicLink(), name).toBe(true);
      expect(readlinkSync(dist)).toBe(served);
      expect(readdirSync(path.dirname(served))).toEqual(["news"]);
    }
    expect(readdirSync(path.dirname(dist))).toEqual(["dist"]);
  });
});
