import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { freePort } from "../../support/dev-server.ts";
import { type DevProcess, rawGet, sendFrameAfterHandshake, startDev } from "../../support/raw-http.ts";

/**
 * Issue 19 item 15: one request or one websocket frame stopped `npm run dev`
 * (URIError, an uncaught "Invalid path", a socket error nobody listened to).
 * Each is sent to a real preview, which must answer it with a 4xx, never a
 * file from outside its folder, and then still serve a page.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let work: string;
let port: number;
let dev: DevProcess;
const SECRET = "outside-the-preview-7f3a";

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-dev-survives-"));
  cpSync(path.join(ROOT, "tests/e2e/site"), work, { recursive: true });
  // A file beside the preview folder (in .cache), which a `..` would reach.
  port = await freePort();
  mkdirSync(path.join(ROOT, ".cache"), { recursive: true });
  writeFileSync(path.join(ROOT, ".cache", `secret-${port}.txt`), SECRET);
  dev = await startDev(["--content", path.join(work, "content"), "--now", NOW], port);
});

afterAll(async () => {
  await dev?.stop();
  rmSync(work, { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
  rmSync(path.join(ROOT, ".cache", `secret-${port}.txt`), { force: true });
});

async function stillServes(): Promise<void> {
  expect(dev.alive(), dev.output()).toBe(true);
  const reply = await rawGet(port, "/");
  expect(reply.status, dev.output()).toBe(200);
  expect(reply.text).toContain("<html");
}

const TARGETS = (port: number): string[] => [
  "/%",
  "/%ff",
  "/%e0%a4",
  "/%c0%ae%c0%ae/",
  "/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json",
  "/..%2f..%2fpackage.json",
  "/..%2F..%2F..%2Fpackage.json",
  `/..%2fsecret-${port}.txt`,
  `/%2e%2e/secret-${port}.txt`,
  `/%2e%2e%2fsecret-${port}.txt`,
  `/..%5csecret-${port}.txt`,
  "/..\\..\\package.json",
  "//etc/passwd",
  "///etc/passwd",
  "/%2f%2fetc%2fpasswd",
  "/%00",
  "/index.html%00.txt",
  "/national/%",
  `/${"a".repeat(300)}`,
  `/${"a/".repeat(3000)}`,
  `/${"%61".repeat(20000)}`,
  "*",
  "http://127.0.0.1/%",
];

describe("requests that stopped the preview", () => {
  it("should answer each with 400 or 404, serve nothing from outside its folder, and go on", async () => {
    for (const target of TARGETS(port)) {
      const reply = await rawGet(port, target);
      expect(reply.status, `${target.slice(0, 80)}: ${dev.output()}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, target.slice(0, 80)).toBeLessThan(500);
      expect(reply.text).not.toContain(SECRET);
      expect(reply.text).not.toContain('"name": "newsroom-ssg"');
      expect(reply.text).not.toContain("root:x:0:0");
      await stillServes();
    }
  });
});

/** A masked client frame: FIN and `opcode`, `rsv` bits, a payload under 126 bytes. */
function frame(opcode: number, payload: Buffer, { rsv = 0, masked = true } = {}): Buffer {
  const head = Buffer.from([0x80 | (rsv << 4) | opcode, (masked ? 0x80 : 0) | payload.length]);
  if (!masked) return Buffer.concat([head, payload]);
  const mask = Buffer.from([1, 2, 3, 4]);
  return Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)))]);
}

describe("websocket frames that stopped the preview", () => {
  const frames: [string, Buffer][] = [
    ["a reserved opcode", frame(0x3, Buffer.from("x"))],
    ["RSV bits set", frame(0x1, Buffer.from("x"), { rsv: 0b111 })],
    ["an unmasked client frame", frame(0x1, Buffer.from("x"), { masked: false })],
    ["invalid UTF-8 in a text frame", frame(0x1, Buffer.from([0xc0, 0xae]))],
    ["a fragmented control frame", Buffer.concat([Buffer.from([0x09, 0x81, 1, 2, 3, 4]), Buffer.from([0x78 ^ 1])])],
    ["a close frame with a bad code", frame(0x8, Buffer.from([0x03, 0xe7]))],
    ["a 64-bit length too large", Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4])],
  ];
  for (const [what, bytes] of frames) {
    it(`should close the socket on ${what} and go on`, async () => {
      const reply = await sendFrameAfterHandshake(port, bytes);
      expect(reply.status, dev.output()).toBe(101);
      await stillServes();
    });
  }
});
