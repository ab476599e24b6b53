import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, FIXTURE_CONTENT, hasStack, NOW, processesMentioning, snapshotTree } from "./support.ts";

/**
 * Issue 18 item 15: when Pagefind's binary died (it panics on a full disk),
 * the promise of its Node API never settled and Node exited 13 with no
 * message. The indexer is made to fail for real, through Pagefind's own
 * `PAGEFIND_BINARY_PATH`, by programs that die as it can: a panic, a kill,
 * an exit partway through answering, a binary that is not there. Each gives
 * our message and exit 2, the previous site intact, nothing beside it.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsroom-tool-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const out = path.join(work, "site", "out");
let before: Map<string, Buffer>;

function program(name: string, body: string): string {
  const file = path.join(work, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

beforeAll(() => {
  expect(cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], { NEWSROOM_CACHE: "off" }).status).toBe(0);
  before = snapshotTree(out);
});

describe("the search indexer failing", () => {
  it.each([
    [
      "panics",
      () => program("panic", `echo "thread 'main' panicked at src/service.rs:12:5:" >&2\necho "No space left on device (os error 28)" >&2\nexit 101`),
      /stopped with exit code 101: .*No space left on device/,
    ],
    ["is killed", () => program("killed", "kill -9 $$"), /stopped by signal SIGKILL/],
    ["stops after reading a request", () => program("reads", "head -c 10 >/dev/null\nexit 3"), /stopped with exit code 3/],
    ["is not there", () => path.join(work, "no-such-binary"), /could not be started .*ENOENT/],
  ])("should say so when it %s, and keep the previous site", (_, make, says) => {
    // Without a cache every shard is indexed: the indexer is always called.
    const run = cli(["build", "--content", FIXTURE_CONTENT, "--out", out, "--now", NOW], { NEWSROOM_CACHE: "off", PAGEFIND_BINARY_PATH: make() });
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/^error: the search indexer \(Pagefind\) /m);
    expect(run.stderr).toMatch(says);
    expect(run.stderr).toContain(`Nothing was published: \`${out}\` is unchanged.`);
    expect(hasStack(run.stderr)).toBe(false);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(["out"]);
    expect(processesMentioning(work)).toEqual([]);
  });
});
