import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PAUSE_STEPS } from "../../src/io/pause.ts";
import { buildKilledAt, cli, processesMentioning } from "../issues/18-output-folder/support.ts";
import { ROOT, snapshotTree } from "../support/cli.ts";

/**
 * A build killed at any moment leaves the published output byte for byte as
 * it was, or (once the swap is done) the complete new output: never a mix,
 * never nothing (issue 18 item 12). The build is paused at each of its
 * steps by NEWSROOM_PAUSE_AT and killed exactly there (issue 19 item 23:
 * no kill after a guessed number of milliseconds); a static reader then
 * finds one whole site, and the next build mends what the killed one left.
 */
const NOW = "2026-11-24T12:00:00+04:30";
const work = mkdtempSync(path.join(tmpdir(), "newsroom-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const same = (a: Map<string, Buffer>, b: Map<string, Buffer>): boolean => a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true);

const oldContent = path.join(ROOT, "tests/e2e/site/content");
const newContent = path.join(work, "content");
cpSync(oldContent, newContent, { recursive: true });
const file = path.join(newContent, "national/aid-reaches-baghlan.md");
writeFileSync(file, readFileSync(file, "utf8").replace("title: Aid reaches Baghlan", "title: Aid finally reaches Baghlan"));

const parent = path.join(work, "site");
const out = path.join(parent, "out");
const env = { NEWSROOM_CACHE: path.join(work, "cache") };
const build = (content: string) => ["build", "--content", content, "--out", out, "--now", NOW];

describe("a build killed midway", () => {
  const expectedNew = path.join(work, "expected-new");
  let oldTree: Map<string, Buffer>;
  let newTree: Map<string, Buffer>;

  it("should have two different sites to tell apart", () => {
    expect(cli(["build", "--content", newContent, "--out", expectedNew, "--now", NOW], env).status).toBe(0);
    expect(cli(build(oldContent), env).status).toBe(0);
    oldTree = snapshotTree(out);
    newTree = snapshotTree(expectedNew);
    expect(same(oldTree, newTree)).toBe(false);
  });

  it.each(PAUSE_STEPS)(
    "should leave one whole site when killed at %s, and the next build should mend it",
    async (step) => {
      const killed = await buildKilledAt(step, build(newContent), env);
      expect(killed.paused, killed.stderr).toBe(true);
      // What a static server reads at that moment, and until the next build.
      expect(existsSync(out), "no output at all").toBe(true);
      const now = snapshotTree(out);
      const expected = PAUSE_STEPS.indexOf(step) < PAUSE_STEPS.indexOf("publish:swapped") ? oldTree : newTree;
      expect(same(now, expected), `killed at ${step}`).toBe(true);

      expect(cli(build(newContent), env).status).toBe(0);
      expect(same(snapshotTree(out), newTree)).toBe(true);
      expect(readdirSync(parent)).toEqual(["out"]);
      expect(processesMentioning(work)).toEqual([]);
      // Back to the old site for the next step.
      expect(cli(build(oldContent), env).status).toBe(0);
      expect(same(snapshotTree(out), oldTree)).toBe(true);
    },
    120_000,
  );
});
