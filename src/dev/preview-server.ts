/**
 * The preview's web server: the preview folder on 127.0.0.1, with live
 * reload. Ours, not Eleventy's dev server: that one listens on every
 * interface and opens its reload socket to any origin, and its public API
 * offers no way to change either (docs/architecture.md). The preview shows
 * unpublished news, so the server binds the loopback interface only, checks
 * every request's Host and target (request-guard.ts) and the reload
 * socket's Host and Origin before anything else sees them.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { injectOverlay } from "./overlay.ts";
import { admitRequest, isPreviewHost, isPreviewOrigin, refuse } from "./request-guard.ts";

export interface PreviewServer {
  /** Tell every open page to reload; `files` are the absolute paths written (a change to CSS alone restyles without a reload). */
  reload(files: readonly string[]): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder served. */
  readonly dir: string;
  readonly port: number;
  /** HTML put over every page while the content has errors (overlay.ts); undefined when it is fine. */
  readonly overlay: () => string | undefined;
}

/** Where the page's reload script is served: a dot-folder, which no page of the site can have. */
export const RELOAD_SCRIPT = "/.newsroom-preview/reload.js";

/** A message on the socket: `connected` once it is open, then a reload with what changed, and whether only stylesheets did. */
export interface ReloadMessage {
  readonly type: "reload";
  readonly files: readonly string[];
  readonly stylesOnly: boolean;
}

/**
 * The page's side of live reload: on a message, restyle (stylesheets only)
 * or reload; a socket that closes (the preview stopped or restarted) is
 * opened again.
 */
const CLIENT = `(() => {
  const connect = () => {
    const socket = new WebSocket(\`ws://\${location.host}/\`);
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.type !== "reload") return;
      if (!message.stylesOnly) return location.reload();
      for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
        const url = new URL(link.href);
        url.searchParams.set("reload", String(Date.now()));
        link.href = url.href;
      }
    });
    socket.addEventListener("close", () => setTimeout(connect, 1000));
  };
  connect();
})();
`;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

/** The file a sanitized target (request-guard.ts `previewTarget`) names under `dir`: `/a/` is `a/index.html`. */
function fileOf(dir: string, url: string): { readonly file: string; readonly folderForm: boolean } {
  const pathname = url.replace(/\?.*$/s, "");
  const segments = pathname
    .split("/")
    .filter((s) => s !== "")
    .map((s) => decodeURIComponent(s));
  const folderForm = pathname.endsWith("/");
  return { file: path.join(dir, ...segments, ...(folderForm ? ["index.html"] : [])), folderForm };
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

/** An HTML page as served: the overlay over it while the content has errors, and the reload script. */
function page(html: string, overlay: string | undefined): string {
  const shown = overlay === undefined ? html : injectOverlay(html, overlay);
  const script = `<script src="${RELOAD_SCRIPT}" type="module"></script>`;
  const end = shown.search(/<\/body>/i);
  return end < 0 ? `${shown}${script}` : `${shown.slice(0, end)}${script}${shown.slice(end)}`;
}

async function answer(request: IncomingMessage, response: ServerResponse, options: ServeOptions): Promise<void> {
  if (!admitRequest(request, response, options.port)) return;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    return refuse(response, 405, "The preview answers GET and HEAD only.");
  }
  const url = request.url ?? "/";
  if (url.replace(/\?.*$/s, "") === RELOAD_SCRIPT) return send(request, response, 200, TYPES[".js"] as string, CLIENT);
  const { file, folderForm } = fileOf(options.dir, url);
  if (await isFile(file)) return serveFile(request, response, 200, file, options);
  // `/national` for the folder `/national/`, as a static host answers it.
  if (!folderForm && (await isFile(path.join(file, "index.html")))) {
    const [pathname, query] = url.split(/(?=\?)/s);
    response.writeHead(301, { Location: `${pathname}/${query ?? ""}`, "Cache-Control": "no-store" });
    return void response.end();
  }
  const notFound = path.join(options.dir, "404.html");
  if (await isFile(notFound)) return serveFile(request, response, 404, notFound, options);
  refuse(response, 404, "Not found.");
}

async function serveFile(request: IncomingMessage, response: ServerResponse, status: number, file: string, options: ServeOptions): Promise<void> {
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  if (type.startsWith("text/html")) return send(request, response, status, type, page(await readFile(file, "utf8"), options.overlay()));
  const { size } = await stat(file);
  response.writeHead(status, { "Content-Type": type, "Content-Length": size, "Cache-Control": "no-store" });
  if (request.method === "HEAD") return void response.end();
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on("error", reject).pipe(response).on("finish", resolve).on("close", resolve);
  });
}

function send(request: IncomingMessage, response: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body);
  response.writeHead(status, { "Content-Type": type, "Content-Length": bytes.length, "Cache-Control": "no-store" });
  response.end(request.method === "HEAD" ? undefined : bytes);
}

/** Serve `options.dir` on 127.0.0.1:`options.port`; resolves once it listens. */
export async function servePreview(options: ServeOptions): Promise<PreviewServer> {
  const sockets = new WebSocketServer({ noServer: true });
  const server = createServer((request, response) => {
    answer(request, response, options).catch(() => {
      // A file removed between its check and its reading (a save), or a bug: that request ends, never the preview.
      if (!response.headersSent) refuse(response, 404, "Not found.");
      else response.destroy();
    });
  });
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (!isPreviewHost(request.headers.host, options.port) || !isPreviewOrigin(request.headers.origin, options.port)) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client: WebSocket) => {
      // A malformed frame is reported as an error on the socket, which without a listener would stop the process.
      client.on("error", () => client.terminate());
      client.send(JSON.stringify({ type: "connected" }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: "127.0.0.1" }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    reload(files) {
      const message: ReloadMessage = { type: "reload", files, stylesOnly: files.length > 0 && files.every((f) => f.endsWith(".css")) };
      const text = JSON.stringify(message);
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
