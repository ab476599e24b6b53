import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVERLAY_ID } from "../../src/dev/overlay.ts";
import { ROOT, runCli } from "../support/cli.ts";

/**
 * `npm run dev` for real, on a free port over a temporary copy of the e2e
 * fixture: break an article, see the overlay on the pages, fix it, see it go.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let server: ChildProcess;
let port: number;
let stdout = "";
let stderr = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Poll until `test` holds, for up to `ms`; the preview rebuilds a moment after a file is saved. */
async function waitFor<T>(what: string, get: () => Promise<T>, test: (value: T) => boolean, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await get();
      if (test(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
}

const page = async (url: string): Promise<string> => {
  const response = await fetch(`http://127.0.0.1:${port}${url}`);
  return `${response.status}\n${await response.text()}`;
};

let articleFile: string;
let original: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-dev-"));
  cpSync(FIXTURE, work, { recursive: true });
  articleFile = path.join(work, "content/national/aid-reaches-baghlan.md");
  original = readFileSync(articleFile, "utf8");
  port = await freePort();
  server = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "dev", "--content", path.join(work, "content"), "--port", String(port), "--now", NOW],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  server.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  await waitFor("the preview to start", async () => stdout, (out) => out.includes(`Preview on http://127.0.0.1:${port}/`));
});

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    const timer = setTimeout(() => server.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("should show an error overlay over the last good pages while an article is broken, and clear it once fixed", async () => {
    const before = await page("/national/floods-hit-baghlan/");
    expect(before).toMatch(/^200\n/);
    expect(before).not.toContain(OVERLAY_ID);

    // A typo'd field whose value would be markup if the overlay did not escape it.
    writeFileSync(articleFile, original.replace(/^tags: .*$/m, "tgas: [<script>alert('x')</script>]"));
    const broken = await waitFor("the overlay", () => page("/national/floods-hit-baghlan/"), (html) => html.includes(OVERLAY_ID));
    expect(broken).toMatch(/^200\n/);
    expect(broken).toContain('error <span class="rule">field-unknown</span></p><p>Unknown field `tgas`. Did you mean `tags`?</p>');
    expect(broken).toContain("aid-reaches-baghlan.md:5:1</span>");
    expect(broken).toContain("  &gt; 5 | tgas: [&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;]\n      | ^\n");
    expect(broken).not.toContain("<script>alert");
    // The page itself is still there under the overlay.
    expect(broken).toContain("<h1>Floods hit Baghlan</h1>");
    // The broken article keeps its last good version too, rather than a 404.
    const itself = await page("/national/aid-reaches-baghlan/");
    expect(itself).toMatch(/^200\n/);
    expect(itself).toContain("<h1>Aid reaches Baghlan</h1>");
    expect(itself).toContain(OVERLAY_ID);
    // Feeds are not pages: no overlay in them.
    expect(await page("/feed.xml")).not.toContain(OVERLAY_ID);
    // The terminal says the same.
    expect(stderr).toContain("aid-reaches-baghlan.md:5:1  error  field-unknown  Unknown field `tgas`. Did you mean `tags`?");
    expect(stderr).toContain("  > 5 | tgas: [<script>alert('x')</script>]");

    writeFileSync(articleFile, original);
    const fixed = await waitFor("the overlay to go", () => page("/national/floods-hit-baghlan/"), (html) => !html.includes(OVERLAY_ID));
    expect(fixed).toContain("<h1>Floods hit Baghlan</h1>");
    expect(await page("/national/aid-reaches-baghlan/")).not.toContain(OVERLAY_ID);
  });

  it("should refuse a port that is already in use, rather than move to another", async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen({ port: 0, host: "127.0.0.1" }, resolve));
    const address = holder.address();
    const taken = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const result = runCli(["dev", "--content", path.join(work, "content"), "--port", String(taken)]);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `error: --port: ${taken} is in use on 127.0.0.1 (another preview?); stop it or choose another port with --port <n>.\n`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
