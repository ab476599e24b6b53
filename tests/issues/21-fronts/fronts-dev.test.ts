import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { freePort, type LiveReloads, listenForReloads } from "../../support/dev-server.ts";
import { type DevProcess, rawGet, startDev } from "../../support/raw-http.ts";

/**
 * Issue 21, "Fronts an editor shapes", in the preview: an editor saves
 * `front: lead` on an older story while `npm run dev` runs, and the front
 * page it serves leads with that story once the preview has rebuilt (the
 * served page is read again until it does, and a reload was sent; nothing
 * waits a fixed time).
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let port: number;
let dev: DevProcess;
let reloads: LiveReloads;

const leadOf = async (): Promise<string | undefined> => {
  const reply = await rawGet(port, "/");
  expect(reply.status, dev.output()).toBe(200);
  return /<section class="lead"[\s\S]*?<h2 class="card-title"><a href="([^"]+)"/.exec(reply.text)?.[1];
};

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-21-fronts-dev-"));
  cpSync(path.join(ROOT, "tests/e2e/site"), work, { recursive: true });
  port = await freePort();
  dev = await startDev(["--content", path.join(work, "content"), "--now", NOW], port);
  reloads = await listenForReloads(port);
}, 150_000);

afterAll(async () => {
  reloads?.close();
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
});

it("leads the served front page with a story saved as `front: lead`, after the rebuild", async () => {
  expect(await leadOf()).toBe("/national/rebuilding-begins/");
  const file = path.join(work, "content", "national", "floods-hit-baghlan.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("\ndate: ", "\nfront: lead\ndate: "));
  // The saved article's page is back first; the front page follows with the rest of the site.
  await expect.poll(leadOf, { timeout: 100_000, interval: 100 }).toBe("/national/floods-hit-baghlan/");
  await expect.poll(() => reloads.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(dev.alive()).toBe(true);
}, 150_000);
