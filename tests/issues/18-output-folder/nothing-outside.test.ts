import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, processesMentioning, ROOT } from "./support.ts";

/**
 * Issue 18 item 14 and its "Done when": the whole sample site (content/,
 * --now fixed) built into a fresh parent folder with the cache in it.
 * Once the command has exited, the parent holds the output and the cache
 * and nothing else (no `.out-trash-*`, no `.out-building-*`), and no
 * process started by the build is still running (the old code left a
 * detached deleter behind).
 */
const NOW = "2026-11-24T12:00:00+04:30";
const parent = mkdtempSync(path.join(tmpdir(), "newsroom-outside-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("the sample site's build", () => {
  it("should leave nothing but the output and the cache, and no process, after each build", () => {
    const content = path.join(parent, "..", `${path.basename(parent)}-content`);
    cpSync(path.join(ROOT, "content"), content, { recursive: true });
    try {
      const env = { NEWSROOM_CACHE: path.join(parent, "cache") };
      const args = ["build", "--content", content, "--site", path.join(ROOT, "site.yaml"), "--out", path.join(parent, "out"), "--now", NOW];
      for (const round of ["cold", "warm, one article edited", "warm, nothing changed"]) {
        if (round.includes("edited")) {
          const file = readdirSync(content, { recursive: true, encoding: "utf8" }).find((f) => f.endsWith(".md"));
          const full = path.join(content, file ?? "");
          writeFileSync(full, `${readFileSync(full, "utf8")}\nOne more line.\n`);
        }
        const run = cli(args, env);
        expect(run.stderr, round).toBe("");
        expect(run.status, round).toBe(0);
        expect(readdirSync(parent).sort(), round).toEqual(["cache", "out"]);
        expect(processesMentioning(parent), round).toEqual([]);
      }
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
