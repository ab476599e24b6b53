/**
 * The only module that knows Eleventy. Our view models become pages through
 * the typed JSX templates in `templates/`, Eleventy JavaScript templates:
 * Eleventy renders the one-off pages, copies `public/` to `/` and (for
 * `dev`) serves with live reload; the paginated templates' thousands of
 * pages are written here, as Eleventy's pagination would write them
 * (`writePaginated`). Our content never passes through Eleventy's template
 * engines: it arrives as data.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { injectOverlay } from "../dev/overlay.ts";
import { admitRequest, isPreviewHost, isPreviewOrigin, refuse } from "../dev/request-guard.ts";
import { outputFile } from "../build/output-file.ts";
import { outputPath } from "../site/pages.ts";
import type { PagesProgress, Renderer } from "../build/page-writer.ts";
import type { RenderModel } from "../site/view.ts";
import { register } from "tsx/esm/api";

/** Defined (by esbuild) only in the CLI's bundle, src/cli/cli-bundle.mjs. */
declare const __CLI_BUNDLE__: boolean | undefined;
// The bundle runs without tsx, and the templates are TSX: loaded through it from here on. Registered
// here, where they are imported, so that a build pays for tsx only while its articles are read.
// tsx reads the JSX settings from the tsconfig it is given, else from the working folder's: ours,
// wherever the command is run from (this file and the bundle's chunks both sit two folders down).
if (typeof __CLI_BUNDLE__ !== "undefined") register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });

export interface PagesOptions {
  /** Folder of `*.11ty.tsx` page templates. */
  readonly templatesDir: string;
  /** Folder copied as is to the output root. */
  readonly publicDir: string;
  readonly outDir: string;
  /** Pages between progress reports (default REPORT_EVERY). */
  readonly reportEvery?: number;
}

/** Minimal shape of the Eleventy config API we use: it ships JSDoc types only. */
interface EleventyConfig {
  addExtension(extensions: string[], options: object): void;
  setTemplateFormats(formats: string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  setQuietMode(quiet: boolean): void;
  readonly ignores: Set<string>;
}

interface JsTemplateContext {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** Render a template's JSX result to HTML; preact escapes every text and attribute. */
function toHtml(result: unknown): string {
  if (typeof result === "string") return result;
  return `<!doctype html>\n${renderToStaticMarkup(result as VNode)}\n`;
}

/**
 * A template that makes one page per item of a list in the data (articles,
 * list pages, feeds), in Eleventy's form: `data.pagination` names the list
 * and the item's alias, `data.permalink` gives each page's URL.
 */
interface PaginatedTemplate {
  readonly name: string;
  /** `data.pagination` of a template paginating by one item a page. */
  readonly pagination: { readonly data: string; readonly alias: string };
  permalink(data: Record<string, unknown>): unknown;
  render(data: Record<string, unknown>): unknown;
}

/** The templates of a folder, told apart: Eleventy renders the one-off pages, `writePaginated` the others. */
interface Templates {
  readonly paginated: readonly PaginatedTemplate[];
  /** Where the one-off templates write, relative to the output folder. */
  readonly oneOff: readonly string[];
}

/**
 * Import every template of the folder. Imported under Eleventy's ESM
 * resolver (this module imports Eleventy), which forgets them after
 * `forgetTemplates` as it does its own imports of them.
 */
async function loadTemplates(templatesDir: string): Promise<Templates> {
  const dir = path.resolve(templatesDir);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".11ty.tsx")).sort();
  const paginated: PaginatedTemplate[] = [];
  const oneOff: string[] = [];
  for (const name of names) {
    const template = (await import(pathToFileURL(path.join(dir, name)).href)) as {
      data?: { pagination?: { data?: unknown; size?: unknown; alias?: unknown }; permalink?: unknown };
      render?: unknown;
    };
    const pagination = template.data?.pagination;
    if (pagination === undefined) {
      if (typeof template.data?.permalink === "string") oneOff.push(outputPath(template.data.permalink));
      continue;
    }
    // What `writePaginated` does is Eleventy's pagination for these forms only; any other is a template to fix, not a page to guess.
    if (pagination.size !== 1 || typeof pagination.data !== "string" || typeof pagination.alias !== "string" || typeof template.data?.permalink !== "function" || typeof template.render !== "function") {
      throw new Error(`templates/${name}: a paginated template needs \`pagination: { data, size: 1, alias }\`, a \`permalink\` function and a \`render\` function.`);
    }
    paginated.push({
      name,
      pagination: { data: pagination.data, alias: pagination.alias },
      permalink: template.data.permalink as PaginatedTemplate["permalink"],
      render: template.render as PaginatedTemplate["render"],
    });
  }
  return { paginated, oneOff };
}

/**
 * Eleventy renders the one-off pages (front page, 404, search) and copies
 * `public/` and the articles' pictures; the paginated templates are left to
 * `writePaginated`.
 */
function configure(config: EleventyConfig, options: PagesOptions, model: RenderModel, paginated: readonly PaginatedTemplate[]): void {
  config.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: JsTemplateContext, data: unknown) {
        return toHtml(await this.defaultRenderer(data));
      };
    },
  });
  config.setTemplateFormats(["11ty.tsx"]);
  config.addGlobalData("model", () => model);
  config.setQuietMode(true);
  // As globs under the input folder: Eleventy resolves other ignore paths against the working folder.
  for (const template of paginated) config.ignores.add(`**/${template.name}`);
  config.addPassthroughCopy({ [options.publicDir]: "/" });
  // Nothing of an article's folder is copied: its pictures are files we encode (src/images/encode.ts).
}

/** The list a pagination names (`model.articles`), looked up in the page's data. */
function itemsOf(data: Record<string, unknown>, key: string, template: string): readonly unknown[] {
  const items = key.split(".").reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], data);
  if (!Array.isArray(items)) throw new Error(`templates/${template}: its pagination data \`${key}\` is not a list.`);
  return items;
}

/** Pages between progress reports, and between turns given back to the event loop (the preview keeps serving). */
export const REPORT_EVERY = 250;

/**
 * Write one page per item of each paginated template, as Eleventy's
 * pagination would (same data: `model`, the item under its alias, `page.url`;
 * same permalink, same HTML), without Eleventy's bookkeeping. Eleventy
 * makes a full template object per page and keeps every page, data and
 * output, until its run ends: at 10,000 articles, rendering the 16,000
 * pages in Eleventy runs took 13-16 s, most of it garbage collection and
 * page faults on that memory; this loop, 4 s (README, speed).
 * tests/eleventy/write-pages.test.ts proves the bytes equal to Eleventy's.
 * `taken` holds the paths already written: two pages at one path is a bug.
 * `onPage` hears every `every` pages and after the last.
 */
async function writePaginated(
  outDir: string,
  model: RenderModel,
  templates: readonly PaginatedTemplate[],
  taken: Set<string>,
  onPage: (done: number) => void,
  every: number,
): Promise<number> {
  let done = 0;
  for (const template of templates) {
    const { data: key, alias } = template.pagination;
    for (const item of itemsOf({ model }, key, template.name)) {
      const data: Record<string, unknown> = { model, [alias]: item };
      writePage(outDir, template, data, taken);
      done += 1;
      if (done % every === 0) {
        onPage(done);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  if (done % every !== 0) onPage(done);
  return done;
}

/** Render one page of `template` from `data` (without `page`) into `outDir`; returns where, relative to it. */
function writePage(outDir: string, template: PaginatedTemplate, data: Record<string, unknown>, taken?: Set<string>): string {
  const url = template.permalink(data);
  if (typeof url !== "string") throw new Error(`templates/${template.name}: its permalink gave ${JSON.stringify(url)}, not a URL.`);
  const at = outputPath(url);
  if (taken !== undefined) {
    if (taken.has(at)) throw new Error(`internal: two pages would be written to ${at} (the second by templates/${template.name})`);
    taken.add(at);
  }
  const to = outputFile(outDir, at);
  const html = toHtml(template.render({ ...data, page: { url } }));
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, html);
  return at;
}

/**
 * Eleventy as the page writer's renderer (src/build/page-writer.ts): what
 * it writes besides the model's pages are the one-off pages and
 * the files of `public/`.
 */
export async function eleventyRenderer(options: Omit<PagesOptions, "outDir">): Promise<Renderer> {
  const publicFiles = await readdir(options.publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const templates = await loadTemplates(options.templatesDir);
  const beside = new Set([
    ...templates.oneOff,
    ...publicFiles.filter((f) => !f.isDirectory()).map((f) => path.relative(options.publicDir, path.join(f.parentPath, f.name)).split(path.sep).join("/")),
  ]);
  return {
    render: (outDir, pages, progress) => writePages({ ...options, outDir }, pages, progress, templates),
    renderPages: async (outDir, pages) => ({ written: await writePaginated(outDir, pages, templates.paginated, new Set(templates.oneOff), () => {}, options.reportEvery ?? REPORT_EVERY) }),
    beside,
  };
}

/**
 * Write every page of `model` into `options.outDir`: one Eleventy run for
 * the one-off pages and `public/`, then the paginated pages.
 * `onPage` gets the model's pages (articles, lists, files) written so far
 * and their total: before the first, every `reportEvery`, and after the last.
 */
export async function writePages(
  options: PagesOptions,
  model: RenderModel,
  onPage?: PagesProgress,
  /** The templates, when the caller has loaded them already. */
  known?: Templates,
): Promise<{ written: number }> {
  const templates = known ?? (await loadTemplates(options.templatesDir));
  const total = model.articles.length + model.listPages.length + model.files.length;
  onPage?.(0, total);
  const eleventy = new Eleventy(path.resolve(options.templatesDir), path.resolve(options.outDir), {
    quietMode: true,
    runMode: "build",
    config(config: EleventyConfig) {
      configure(config, options, model, templates.paginated);
    },
  });
  silenceProgress(eleventy);
  const result = (await eleventy.write()) as unknown;
  const oneOff = Array.isArray(result) ? result.flat().filter((r) => r && typeof r === "object" && "outputPath" in r).length : 0;
  const paged = await writePaginated(options.outDir, model, templates.paginated, new Set(templates.oneOff), (done) => onPage?.(done, total), options.reportEvery ?? REPORT_EVERY);
  return { written: oneOff + paged };
}

/** Our CLI prints its own summary: keep Eleventy's warnings and errors, drop its "Wrote N files". */
function silenceProgress(eleventy: { logger: unknown }): void {
  const logger = eleventy.logger as { logWithOptions(o: { type?: string }): void };
  const original = logger.logWithOptions.bind(logger);
  logger.logWithOptions = (o) => {
    if (o.type === "warn" || o.type === "error") original(o);
  };
}

export interface PreviewServer {
  /** Tell every open page to reload; `files` are the absolute paths written (a change to CSS alone restyles without a reload). */
  reload(files: readonly string[]): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder served. */
  readonly dir: string;
  readonly port: number;
  /** HTML put over every page while the content has errors (src/dev/overlay.ts); undefined when it is fine. */
  readonly overlay: () => string | undefined;
}

interface DevServer {
  serve(port: number): void;
  ready(): Promise<void>;
  reload(event: { files: readonly string[]; subtype: "css" | undefined; build: { templates: [] } }): void;
  close(): Promise<void>;
  server: HttpServer;
  _serverListen(port: number): void;
  onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void>;
  setupReloadNotifier(): void;
  sendUpdateNotification(message: object): void;
  _serverErrorHandler(error: Error): void;
  updateServer: unknown;
}

/** What the preview uses of `ws` (the dev server's own websocket library, which has no types here). */
interface SocketServerClass {
  new (options: {
    server: HttpServer;
    verifyClient: (info: { origin: string | undefined; req: IncomingMessage }) => boolean;
  }): { on(event: "connection", listener: (socket: { on(event: "error", listener: () => void): void; terminate(): void }) => void): void; on(event: "error", listener: (error: Error) => void): void };
}

/**
 * Serve `dir` on 127.0.0.1 with Eleventy's dev server and its live reload,
 * standalone: the dev command renders the pages itself, only those a save
 * changed, where Eleventy's own watch mode would render every page.
 */
export async function servePreview(options: ServeOptions): Promise<PreviewServer> {
  const { default: EleventyDevServer } = (await import("@11ty/eleventy-dev-server")) as {
    default: { getServer(name: string, dir: string, options: object): DevServer };
  };
  const server = EleventyDevServer.getServer("newsroom", options.dir, {
    port: options.port,
    // Taken ports are refused before we start (src/dev/port.ts): never move to another, the CLI prints this one.
    portReassignmentRetryCount: 0,
    showVersion: false,
    // Its own "Server at http://localhost:…" would name a host we do not listen on; the CLI says where.
    messageOnStart: () => false,
    middleware: [overlayMiddleware(options.overlay)],
    logger: { info() {}, log() {}, error: (message: string) => process.stderr.write(`${message}\n`) },
  });
  // The dev server listens on every interface and has no host option; a
  // preview of unpublished news belongs on the loopback interface only.
  server._serverListen = (port) => server.server.listen({ port, host: "127.0.0.1" });
  guardPreview(server, options.port);
  server.serve(options.port);
  await server.ready();
  return {
    reload(files) {
      server.reload({ files, subtype: files.length > 0 && files.every((f) => f.endsWith(".css")) ? "css" : undefined, build: { templates: [] } });
    },
    close: () => server.close(),
  };
}

/**
 * Put the preview's own checks in front of the dev server (src/dev/request-guard.ts):
 * every request's Host and target, the live-reload socket's Host and Origin.
 * Whatever the dev server still throws answering a request, or a socket's
 * malformed frame, ends that request or socket, never the preview. Set
 * before the dev server makes its HTTP server, which binds the handler then.
 */
function guardPreview(server: DevServer, port: number): void {
  const handle = server.onRequestHandler.bind(server);
  server.onRequestHandler = async (request, response) => {
    if (!admitRequest(request, response, port)) return;
    try {
      await handle(request, response);
    } catch {
      if (!response.headersSent) refuse(response, 404, "Not found.");
      else response.destroy();
    }
  };
  const WebSocketServer = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy-dev-server"))("ws").WebSocketServer as SocketServerClass;
  server.setupReloadNotifier = function (this: DevServer) {
    const sockets = new WebSocketServer({
      server: this.server,
      verifyClient: ({ origin, req }) => isPreviewHost(req.headers.host, port) && isPreviewOrigin(origin, port),
    });
    sockets.on("connection", (socket) => {
      // `ws` reports a malformed frame as an error on the socket, which without a listener stops the process.
      socket.on("error", () => socket.terminate());
      this.sendUpdateNotification({ type: "eleventy.status", status: "connected" });
    });
    sockets.on("error", (error) => this._serverErrorHandler(error));
    this.updateServer = sockets;
  };
}

interface Response {
  getHeader(name: string): unknown;
  end(data?: unknown, ...rest: unknown[]): unknown;
}

/**
 * Shows the overlay on every HTML page as it is served, so the files on disk
 * stay the last good pages and an error costs no rendering; feeds, sitemaps
 * and copied files are left as they are.
 */
function overlayMiddleware(overlay: () => string | undefined) {
  return (_request: unknown, response: Response, next: () => void): void => {
    const html = overlay();
    if (html !== undefined) {
      const end = response.end;
      response.end = function (this: Response, data?: unknown, ...rest: unknown[]) {
        const page = typeof data === "string" && String(response.getHeader("Content-Type") ?? "").startsWith("text/html");
        return end.call(this, page ? injectOverlay(data, html) : data, ...rest);
      };
    }
    next();
  };
}

/**
 * Make the next render import the templates afresh after one of them (or a
 * component) changed: Node keeps a module once imported. Every file of the
 * folder is forgotten, as a component's change reaches each template that
 * imports it; Eleventy's own watch mode forgets edited templates this way.
 */
export async function forgetTemplates(templatesDir: string): Promise<void> {
  const dir = path.resolve(templatesDir);
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f));
  const eleventy = new Eleventy(dir, undefined, { quietMode: true }) as unknown as {
    initializeConfig(): Promise<void>;
    watchTargets: { clearImportCacheFor(files: readonly string[]): void };
  };
  await eleventy.initializeConfig();
  eleventy.watchTargets.clearImportCacheFor(files);
}
