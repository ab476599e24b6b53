/**
 * The only module that knows Eleventy. Eleventy paginates our view models
 * into pages through the typed JSX templates in `templates/`, copies
 * `public/` to `/`, and (for `dev`) serves with live reload. Our content never
 * passes through Eleventy's template engines: it arrives as data.
 */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { injectOverlay } from "../dev/overlay.ts";
import { outputFile } from "../build/output-file.ts";
import type { AssetCopy, SiteModel } from "../site/view.ts";

export interface PagesOptions {
  /** Folder of `*.11ty.tsx` page templates. */
  readonly templatesDir: string;
  /** Folder copied as is to the output root. */
  readonly publicDir: string;
  readonly outDir: string;
}

/** Minimal shape of the Eleventy config API we use: it ships JSDoc types only. */
interface EleventyConfig {
  addExtension(extensions: string[], options: object): void;
  setTemplateFormats(formats: string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  on(event: "eleventy.after", callback: () => Promise<void> | void): void;
  setQuietMode(quiet: boolean): void;
}

interface JsTemplateContext {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** Render a template's JSX result to HTML; preact escapes every text and attribute. */
function toHtml(result: unknown): string {
  if (typeof result === "string") return result;
  return `<!doctype html>\n${renderToStaticMarkup(result as VNode)}\n`;
}

function configure(config: EleventyConfig, options: PagesOptions, model: () => SiteModel): void {
  config.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: JsTemplateContext, data: unknown) {
        return toHtml(await this.defaultRenderer(data));
      };
    },
  });
  config.setTemplateFormats(["11ty.tsx"]);
  config.addGlobalData("model", () => model());
  config.addPassthroughCopy({ [options.publicDir]: "/" });
  // Bundle pictures are copied by us, by exact name: Eleventy's passthrough
  // reads its keys as glob patterns, so a file named `*` would publish the
  // whole bundle, sources and ignored files included.
  config.on("eleventy.after", () => copyAssets(options.outDir, model().assets));
  config.setQuietMode(true);
}

/** Copy each asset to its place in `outDir`; a destination outside it is a bug, never a write. */
async function copyAssets(outDir: string, assets: readonly AssetCopy[]): Promise<void> {
  for (const asset of assets) {
    const to = outputFile(outDir, asset.to);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(asset.from, to);
  }
}

function create(options: PagesOptions, model: () => SiteModel) {
  return new Eleventy(path.resolve(options.templatesDir), path.resolve(options.outDir), {
    quietMode: true,
    runMode: "build",
    config(config: EleventyConfig) {
      configure(config, options, model);
    },
  });
}

/** Write every page of `model` into `options.outDir`. */
export async function writePages(options: PagesOptions, model: SiteModel): Promise<{ written: number }> {
  const eleventy = create(options, () => model);
  silenceProgress(eleventy);
  const result = (await eleventy.write()) as unknown;
  const written = Array.isArray(result) ? result.flat().filter((r) => r && typeof r === "object" && "outputPath" in r).length : 0;
  return { written };
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
  server: { listen(options: object): void };
  _serverListen(port: number): void;
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
  server.serve(options.port);
  await server.ready();
  return {
    reload(files) {
      server.reload({ files, subtype: files.length > 0 && files.every((f) => f.endsWith(".css")) ? "css" : undefined, build: { templates: [] } });
    },
    close: () => server.close(),
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
 * Make the next `writePages` import these template files (and what imports
 * them or they import) afresh: Node keeps a module once imported, and
 * Eleventy's own watch mode forgets edited templates the same way.
 */
export async function forgetTemplates(files: readonly string[]): Promise<void> {
  const eleventy = new Eleventy(path.dirname(files[0] ?? "."), undefined, { quietMode: true }) as unknown as {
    initializeConfig(): Promise<void>;
    watchTargets: { clearImportCacheFor(files: readonly string[]): void };
  };
  await eleventy.initializeConfig();
  eleventy.watchTargets.clearImportCacheFor(files);
}
