import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { freePort } from "../../support/dev-server.ts";
import { type DevProcess, rawGet, rawRequest, startDev, websocketHandshake } from "../../support/raw-http.ts";

/**
 * Issue 18 item 9: a DNS-rebinding page reaches the preview under its own
 * host name, and any page can open its live-reload socket. `npm run dev`
 * for real, asked with raw requests: only the loopback names with the
 * preview's port are answered, and only the preview's own origin may open
 * the socket.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let port: number;
let dev: DevProcess;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-dev-host-"));
  cpSync(path.join(ROOT, "tests/e2e/site"), work, { recursive: true });
  port = await freePort();
  dev = await startDev(["--content", path.join(work, "content"), "--now", NOW], port);
});

afterAll(async () => {
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
});

describe("the preview server's Host check", () => {
  it("should answer the loopback names with its port", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) {
      const reply = await rawGet(port, "/", host);
      expect(reply.status, host).toBe(200);
      expect(reply.text, host).toContain("<html");
    }
  });

  it("should refuse every other Host, briefly, without the page", async () => {
    const others = [
      "evil.example",
      `evil.example:${port}`,
      "127.0.0.1",
      "localhost",
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      `127.0.0.2:${port}`,
      `0.0.0.0:${port}`,
      `[::1]:${port + 1}`,
      `127.0.0.1:${port}@evil.example`,
      "",
    ];
    for (const host of others) {
      const reply = await rawGet(port, "/", host);
      expect([403, 421, 400], `Host: ${host}`).toContain(reply.status);
      expect(reply.text, host).not.toContain("<html");
    }
    // No Host at all (HTTP/1.0 allows it): refused as well.
    const bare = await rawRequest(port, "GET / HTTP/1.0\r\n\r\n");
    expect(bare.status).not.toBe(200);
    expect(dev.alive()).toBe(true);
  });
});

describe("the live-reload websocket's Origin check", () => {
  it("should let the preview's own page open it", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      expect((await websocketHandshake(port, origin)).status, origin).toBe(101);
    }
  });

  it("should refuse any other origin, and a handshake under another Host", async () => {
    for (const origin of ["https://evil.example", `http://evil.example:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, "null", "file://"]) {
      const reply = await websocketHandshake(port, origin);
      expect(reply.status, origin).not.toBe(101);
      expect(reply.status, origin).toBeDefined();
    }
    expect((await websocketHandshake(port, undefined)).status).not.toBe(101);
    expect((await websocketHandshake(port, `http://evil.example:${port}`, `evil.example:${port}`)).status).not.toBe(101);
    expect(dev.alive()).toBe(true);
  });
});
