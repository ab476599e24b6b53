import { createRequire } from "node:module";
import { createServer } from "node:net";

interface Socket {
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "open" | "error", listener: (error?: Error) => void): void;
  close(): void;
}

// The WebSocket client the dev server itself uses: Node 20 has none built in.
const WebSocket = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy-dev-server"))("ws") as new (url: string, options: { origin: string }) => Socket;

export interface LiveReloads {
  /** When each `eleventy.reload` message arrived (performance.now()), with the files it named. */
  readonly received: { readonly at: number; readonly files: readonly string[] }[];
  close(): void;
}

/** Listen to the preview's live-reload messages as an open page does. */
export async function listenForReloads(port: number): Promise<LiveReloads> {
  const received: { at: number; files: string[] }[] = [];
  // As the preview's own page: the preview refuses a socket from any other origin (src/dev/request-guard.ts).
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { origin: `http://127.0.0.1:${port}` });
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString()) as { type?: string; files?: string[] };
    if (message.type === "eleventy.reload") received.push({ at: performance.now(), files: message.files ?? [] });
  });
  await new Promise<void>((resolve, reject) => {
    socket.on("open", () => resolve());
    socket.on("error", reject);
  });
  return { received, close: () => socket.close() };
}

/** A port free on 127.0.0.1 now, for a preview server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
