import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RELOAD_SCRIPT } from "../../../src/dev/preview-server.ts";
import { launchChromium } from "../../support/browser.ts";
import { ROOT } from "../../support/cli.ts";
import { freePort } from "../../support/dev-server.ts";
import { type DevProcess, rawGet, startDev } from "../../support/raw-http.ts";

/**
 * Issue 20 item 3: the preview is served by our own server on 127.0.0.1
 * (Eleventy's dev server cannot bind one interface nor check the socket's
 * origin through its public API). Its live reload, for real: a page open in
 * a browser reloads by itself when its article is saved.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let port: number;
let dev: DevProcess;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-preview-reload-"));
  cpSync(path.join(ROOT, "tests/e2e/site"), work, { recursive: true });
  port = await freePort();
  dev = await startDev(["--content", path.join(work, "content"), "--now", NOW], port);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
});

describe("the preview's live reload", () => {
  it("should put its script in every HTML page, the 404 page too, and serve it", async () => {
    for (const target of ["/", "/national/aid-reaches-baghlan/", "/no-such-page/"]) {
      const reply = await rawGet(port, target);
      expect(reply.text, target).toContain(`<script src="${RELOAD_SCRIPT}" type="module"></script></body>`);
    }
    const script = await rawGet(port, RELOAD_SCRIPT);
    expect(script.status).toBe(200);
    expect(script.text).toMatch(/Content-Type: text\/javascript/i);
    expect(script.text).toContain("new WebSocket(");
    // Feeds and stylesheets are served as they are.
    const feed = await rawGet(port, "/feed.xml");
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain(RELOAD_SCRIPT);
  });

  it("should reload an open article page when its file is saved", async () => {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${port}/national/aid-reaches-baghlan/`;
    // The page's socket is open once the preview greets it: only then can a save reach it.
    const greeted = new Promise<void>((resolve) => {
      page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => String(payload).includes('"connected"') && resolve()));
    });
    await page.goto(url);
    expect(await page.locator("h1").first().textContent()).not.toContain("Edited for reload");
    await greeted;
    const file = path.join(work, "content/national/aid-reaches-baghlan.md");
    const source = readFileSync(file, "utf8");
    const edited = source.replace(/^title: .*$/m, "title: Edited for reload");
    expect(edited).not.toBe(source);
    const reloaded = page.waitForEvent("load", { timeout: 0 });
    writeFileSync(file, edited);
    await reloaded;
    await page.waitForFunction(() => document.querySelector("h1")?.textContent?.includes("Edited for reload"), undefined, { timeout: 0 });
    expect(dev.alive(), dev.output()).toBe(true);
  });
});
