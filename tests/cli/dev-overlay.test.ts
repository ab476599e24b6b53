import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVERLAY_ID } from "../../src/dev/overlay.ts";
import { ROOT, runCli } from "../support/cli.ts";
import { freePort, listenForReloads } from "../support/dev-server.ts";

/**
 * `npm run dev` for real, on a free port over a temporary copy of the e2e
 * fixture: edit, add and delete articles and see every page that shows them
 * follow; break an article, see the overlay on the pages, fix it, see it go.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let server: ChildProcess;
let port: number;
let stdout = "";
let stderr = "";

/**
 * Poll until `test` holds; the preview rebuilds a moment after a file is
 * saved. No clock of its own: a preview that never gets there fails by the
 * test's timeout, and one that died fails at once, with what it printed.
 */
async function waitFor<T>(what: string, get: () => Promise<T>, test: (value: T) => boolean): Promise<T> {
  for (;;) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the preview stopped while waiting for ${what}; stdout:\n${stdout}\nstderr:\n${stderr}`);
    }
    try {
      const value = await get();
      if (test(value)) return value;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  // Start-up loads the pipeline and renders every page: slow on a busy machine.
  await waitFor(
    "the preview to start",
    async () => stdout,
    (out) => out.includes(`Preview on http://127.0.0.1:${port}/`),
  );
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
  it("should serve a saved article's new page and reload the browser, then update the pages that show it", async () => {
    const reloads = await listenForReloads(port);
    try {
      writeFileSync(articleFile, original.replace("title: Aid reaches Baghlan", "title: Convoys reach Baghlan at last"));
      const saved = await waitFor(
        "the saved page",
        () => page("/national/aid-reaches-baghlan/"),
        (html) => html.includes("<h1>Convoys reach Baghlan at last</h1>"),
      );
      expect(saved).toMatch(/^200\n/);
      // The body and the rest of the page are the article's, not a placeholder.
      expect(saved).toContain("Trucks arrived after roads were cleared.");
      expect(saved).toContain("An earlier version gave the number of trucks as 32; it was 22.");
      await waitFor(
        "a reload naming the page",
        async () => reloads.received,
        (r) => r.some((m) => m.files.some((f) => f.endsWith("national/aid-reaches-baghlan/index.html"))),
      );
      // Another article's Check Also, the section front and the feed follow.
      const other = await waitFor(
        "the Check Also box",
        () => page("/national/floods-hit-baghlan/"),
        (html) => html.includes("Convoys reach Baghlan at last"),
      );
      expect(other).not.toContain(">Aid reaches Baghlan<");
      expect(await page("/national/")).toContain("Convoys reach Baghlan at last");
      expect(await page("/feed.xml")).toContain("Convoys reach Baghlan at last");
    } finally {
      reloads.close();
      writeFileSync(articleFile, original);
    }
    await waitFor(
      "the headline restored",
      () => page("/national/"),
      (html) => html.includes("Aid reaches Baghlan") && !html.includes("at last"),
    );
    expect(await page("/national/floods-hit-baghlan/")).not.toContain("at last");
  });

  it("should publish a new article's page and remove a deleted one's", async () => {
    const added = path.join(work, "content/national/bridge-reopens.md");
    writeFileSync(
      added,
      "---\ntitle: Bridge reopens in Baghlan\ndate: 2026-10-20T09:00:00+04:30\ndateline: PUL-E-KHUMRI\ntags: [floods]\n---\nThe bridge carries traffic again.\n",
    );
    const shown = await waitFor(
      "the new page",
      () => page("/national/bridge-reopens/"),
      (html) => html.startsWith("200\n"),
    );
    expect(shown).toContain("<h1>Bridge reopens in Baghlan</h1>");
    await waitFor(
      "the section front to list it",
      () => page("/national/"),
      (html) => html.includes("Bridge reopens in Baghlan"),
    );
    unlinkSync(added);
    await waitFor(
      "the page to go",
      () => page("/national/bridge-reopens/"),
      (html) => html.startsWith("404\n"),
    );
    expect(await page("/national/")).not.toContain("Bridge reopens in Baghlan");
  });

  it("should show a change to the site config on every page", async () => {
    const siteFile = path.join(work, "site.yaml");
    const config = readFileSync(siteFile, "utf8");
    writeFileSync(siteFile, config.replace(/^name: Test Ledger$/m, "name: Test Gazette"));
    try {
      await waitFor(
        "the new name on the front page",
        () => page("/"),
        (html) => html.includes("Test Gazette"),
      );
      expect(await page("/national/floods-hit-baghlan/")).toContain("Test Gazette");
    } finally {
      writeFileSync(siteFile, config);
    }
    await waitFor(
      "the name restored",
      () => page("/national/floods-hit-baghlan/"),
      (html) => !html.includes("Test Gazette"),
    );
  });

  it("should show an error overlay over the last good pages while an article is broken, and clear it once fixed", async () => {
    const before = await page("/national/floods-hit-baghlan/");
    expect(before).toMatch(/^200\n/);
    expect(before).not.toContain(OVERLAY_ID);

    // A typo'd field whose value would be markup if the overlay did not escape it.
    writeFileSync(articleFile, original.replace(/^tags: .*$/m, "tgas: [<script>alert('x')</script>]"));
    const broken = await waitFor(
      "the overlay",
      () => page("/national/floods-hit-baghlan/"),
      (html) => html.includes(OVERLAY_ID),
    );
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
    // The terminal says the same, once the whole site is checked (the overlay comes first, from the saved file alone).
    await waitFor(
      "the terminal's report",
      async () => stderr,
      (text) => text.includes("aid-reaches-baghlan.md:5:1  error  field-unknown  Unknown field `tgas`. Did you mean `tags`?"),
    );
    expect(stderr).toContain("  > 5 | tgas: [<script>alert('x')</script>]");

    writeFileSync(articleFile, original);
    const fixed = await waitFor(
      "the overlay to go",
      () => page("/national/floods-hit-baghlan/"),
      (html) => !html.includes(OVERLAY_ID),
    );
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
      expect(result.stderr).toBe(`error: --port: ${taken} is in use on 127.0.0.1 (another preview?); stop it or choose another port with --port <n>.\n`);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
