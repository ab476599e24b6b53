import { createServer } from "node:net";
// The WebSocket library the preview server uses: Node 20 has no client built in.
import { WebSocket } from "ws";

export interface LiveReloads {
  /** When each reload message arrived (performance.now()), with the files it named. */
  readonly received: { readonly at: number; readonly files: readonly string[] }[];
  close(): void;
}

/** Listen to the preview's live-reload messages as an open page does. */
export async function listenForReloads(port: number): Promise<LiveReloads> {
  const received: { at: number; files: string[] }[] = [];
  // As the preview's own page: the preview refuses a socket from any other origin (src/dev/request-guard.ts).
  const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { origin: `http://127.0.0.1:${port}` });
  socket.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type?: string; files?: string[] };
    if (message.type === "reload") received.push({ at: performance.now(), files: message.files ?? [] });
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
