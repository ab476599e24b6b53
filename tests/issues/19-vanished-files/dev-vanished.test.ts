import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { freePort } from "../../support/dev-server.ts";

/**
 * Issue 19 item 13, the preview: with one article in error the preview
 * shows the last version that built; deleting a bundle then gave
 * `internal error: ENOENT` (the last version's pictures were copied from
 * the folder just deleted). It must go on previewing, with no internal error.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const work = mkdtempSync(path.join(tmpdir(), "newsroom-dev-vanished-"));
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

describe("npm run dev, a bundle deleted while another file has an error", () => {
  it("should keep previewing without an internal error", async () => {
    cpSync(FIXTURE, work, { recursive: true });
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "src/cli/launch.mjs"),
        "dev",
        "--content",
        path.join(work, "content"),
        "--site",
        path.join(work, "site.yaml"),
        "--port",
        String(port),
        "--now",
        "2026-11-24T12:00:00+04:30",
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", NEWSROOM_CACHE: path.join(work, ".cache") }, stdio: ["ignore", "pipe", "pipe"] },
    );
    server = child;
    let output = "";
    const waiters: { test: (text: string) => boolean; resolve: () => void }[] = [];
    const heard = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      for (const w of [...waiters]) {
        if (!w.test(output)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    };
    child.stdout?.on("data", heard);
    child.stderr?.on("data", heard);
    /** Until the output so far passes `test`: the preview says what it did after each update. */
    const until = (test: (text: string) => boolean): Promise<void> => (test(output) ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve })));
    const count = (needle: string): number => output.split(needle).length - 1;
    const KEEPS = "The preview keeps the last version that built";

    await until((text) => text.includes("Preview on http://"));
    writeFileSync(path.join(work, "content/world/kabul-dari.md"), "---\ntitle: [broken\n---\nText.\n");
    await until((text) => count(KEEPS) >= 1 || text.includes("internal error"));
    const reports = count(KEEPS);
    rmSync(path.join(work, "content/national/rebuilding-begins"), { recursive: true });
    // The update after the deletion ends with its report again, or with the internal error.
    await until((text) => count(KEEPS) > reports || text.includes("internal error"));
    expect(output).not.toMatch(/internal error|ENOENT/);
    expect(child.exitCode).toBe(null);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
  }, 120_000);
});
