import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import path from "node:path";
import { ROOT } from "./cli.ts";

/** What came back on a raw connection: the status line's code (undefined when none came) and everything read. */
export interface RawReply {
  readonly status: number | undefined;
  readonly text: string;
}

/**
 * Send `request` as it is, byte for byte, on a fresh connection to
 * 127.0.0.1:`port`, and read until the server closes the connection (or
 * `until` holds of what arrived). Nothing is normalised on the way, unlike
 * Node's own client, which refuses some targets a browser or an attacker
 * sends.
 */
export function rawRequest(port: number, request: string | Buffer, until?: (text: string) => boolean): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const chunks: Buffer[] = [];
    const done = (): void => {
      const text = Buffer.concat(chunks).toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match === null ? undefined : Number(match[1]), text });
      socket.destroy();
    };
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (until?.(Buffer.concat(chunks).toString("latin1")) === true) done();
    });
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", done);
    socket.write(request);
  });
}

/** A GET of `target` with the given Host, closing the connection after the answer. */
export function rawGet(port: number, target: string, host = `127.0.0.1:${port}`, extra: Record<string, string> = {}): Promise<RawReply> {
  const headers = Object.entries({ Host: host, Connection: "close", ...extra })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return rawRequest(port, `GET ${target} HTTP/1.1\r\n${headers}\r\n`);
}

/** A websocket opening handshake, with `origin` (none when undefined); resolves to the status the server answered. */
export function websocketHandshake(port: number, origin: string | undefined, host = `127.0.0.1:${port}`): Promise<RawReply> {
  const key = randomBytes(16).toString("base64");
  const headers = [`Host: ${host}`, "Upgrade: websocket", "Connection: Upgrade", `Sec-WebSocket-Key: ${key}`, "Sec-WebSocket-Version: 13"];
  if (origin !== undefined) headers.push(`Origin: ${origin}`);
  return rawRequest(port, `GET / HTTP/1.1\r\n${headers.join("\r\n")}\r\n\r\n`, (text) => text.includes("\r\n\r\n"));
}

/**
 * Open a websocket as the preview's own page would, then send `frame` raw
 * on it; resolves once the server has closed the connection (or answered).
 */
export function sendFrameAfterHandshake(port: number, frame: Buffer): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    const chunks: Buffer[] = [];
    let upgraded = false;
    const done = (): void => {
      resolve({ status: upgraded ? 101 : undefined, text: Buffer.concat(chunks).toString("latin1") });
      socket.destroy();
    };
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (!upgraded && Buffer.concat(chunks).toString("latin1").includes("\r\n\r\n")) {
        upgraded = Buffer.concat(chunks).toString("latin1").startsWith("HTTP/1.1 101");
        if (!upgraded) return done();
        socket.write(frame);
      }
    });
    socket.on("close", done);
    socket.on("error", done);
    const key = randomBytes(16).toString("base64");
    socket.write(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

/** `npm run dev` for real (the launcher, as the npm script starts it), with its output gathered. */
export interface DevProcess {
  readonly child: ChildProcess;
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startDev(args: readonly string[], port: number, env: NodeJS.ProcessEnv = process.env): Promise<DevProcess> {
  let out = "";
  const child = spawn(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), "dev", ...args, "--port", String(port)], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Ready when it says where it previews, or gone.
  await new Promise<void>((resolve) => {
    const check = (): void => {
      if (out.includes(`Preview on http://127.0.0.1:${port}/`) || child.exitCode !== null) resolve();
    };
    child.stdout?.on("data", check);
    child.once("exit", () => resolve());
  });
  if (child.exitCode !== null) throw new Error(`npm run dev stopped at start:\n${out}`);
  return {
    child,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
