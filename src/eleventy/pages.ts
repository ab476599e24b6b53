/**
 * The only module that knows Eleventy. Eleventy paginates our view models
 * into pages through the typed JSX templates in `templates/`, copies
 * `public/` to `/`, and (for `dev`) serves with live reload. Our content never
 * passes through Eleventy's template engines: it arrives as data.
 */
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import Eleventy from "@11ty/eleventy";
import type { VNode } from "preact";
import { renderToStaticMarkup } from "preact-render-to-string";
import { injectOverlay } from "../dev/overlay.ts";
import { outputFile } from "../build/output-file.ts";
import type { ArticlePageData } from "../../templates/_components/data.ts";
import { outputPath } from "../build/page-plan.ts";
import type { PagesProgress, Renderer } from "../build/page-writer.ts";
import type { ArticleView, AssetCopy, SiteModel, SiteView } from "../site/view.ts";
import { register } from "tsx/esm/api";

/** Defined (by esbuild) only in the CLI's bundle, src/cli/cli-bundle.mjs. */
declare const __CLI_BUNDLE__: boolean | undefined;
// The bundle runs without tsx, and the templates are TSX: loaded through it from here on. Registered
// here, where they are imported, so that a build pays for tsx only while its articles are read.
if (typeof __CLI_BUNDLE__ !== "undefined") register();

export interface PagesOptions {
  /** Folder of `*.11ty.tsx` page templates. */
  readonly templatesDir: string;
  /** Folder copied as is to the output root. */
  readonly publicDir: string;
  readonly outDir: string;
  /** Paginated pages per Eleventy run (default PAGES_PER_RUN). */
  readonly pagesPerRun?: number;
}

/** Minimal shape of the Eleventy config API we use: it ships JSDoc types only. */
interface EleventyConfig {
  addExtension(extensions: string[], options: object): void;
  setTemplateFormats(formats: string[]): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  on(event: "eleventy.after", callback: () => Promise<void> | void): void;
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
 * What one Eleventy run writes. The first writes everything; the others,
 * only pages of the paginated templates (articles, lists, feeds), without
 * copying `public/` and the assets again.
 */
type Part = { readonly kind: "whole" } | { readonly kind: "paginated"; readonly oneOff: readonly string[] };

function configure(config: EleventyConfig, options: PagesOptions, model: () => SiteModel, part: Part = { kind: "whole" }): void {
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
  config.setQuietMode(true);
  if (part.kind === "paginated") {
    for (const template of part.oneOff) config.ignores.add(template);
    return;
  }
  config.addPassthroughCopy({ [options.publicDir]: "/" });
  // Bundle pictures are copied by us, by exact name: Eleventy's passthrough
  // reads its keys as glob patterns, so a file named `*` would publish the
  // whole bundle, sources and ignored files included.
  config.on("eleventy.after", () => copyAssets(options.outDir, model().assets));
}

/** Copy each asset to its place in `outDir`; a destination outside it is a bug, never a write. */
async function copyAssets(outDir: string, assets: readonly AssetCopy[]): Promise<void> {
  for (const asset of assets) {
    const to = outputFile(outDir, asset.to);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(asset.from, to);
  }
}

function create(options: PagesOptions, model: () => SiteModel, part?: Part) {
  return new Eleventy(path.resolve(options.templatesDir), path.resolve(options.outDir), {
    quietMode: true,
    runMode: "build",
    config(config: EleventyConfig) {
      configure(config, options, model, part);
    },
  });
}

/**
 * Pages per Eleventy run. Eleventy keeps every page of a run (data and
 * output) until the run ends: at 10,000 articles one run took 700 MB above
 * the model. Runs of this size cost a fraction of a second each to start.
 */
export const PAGES_PER_RUN = 2000;

/** `model` cut into runs of at most `size` paginated pages (articles, then lists, then files); always at least one. */
export function splitModel(model: SiteModel, size: number = PAGES_PER_RUN): SiteModel[] {
  const runs: SiteModel[] = [];
  const taken = { articles: 0, listPages: 0, files: 0 };
  do {
    let room = size;
    const take = <T>(key: keyof typeof taken, all: readonly T[]): readonly T[] => {
      const part = all.slice(taken[key], taken[key] + room);
      taken[key] += part.length;
      room -= part.length;
      return part;
    };
    runs.push({ ...model, articles: take("articles", model.articles), listPages: take("listPages", model.listPages), files: take("files", model.files) });
  } while (taken.articles < model.articles.length || taken.listPages < model.listPages.length || taken.files < model.files.length);
  return runs;
}

/**
 * A full garbage collection. Between runs, what a finished run allocated is
 * all garbage, but V8 lets the heap grow rather than collect it: at 10,000
 * articles the build's memory climbed from 0.7 to 1.5 GB over the runs.
 * Collecting once per run (a few tenths of a second) keeps it at 0.8 GB.
 */
function collectGarbage(): void {
  if (gc === undefined) {
    // `--expose-gc` set now applies to contexts created after it: one is made only to fetch the function.
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
let gc: (() => void) | undefined;

/**
 * Templates without pagination (front page, 404, search): as ignore globs,
 * for the runs after the first, which writes them; and where they write.
 */
async function oneOffTemplates(templatesDir: string): Promise<{ globs: string[]; outputs: string[] }> {
  const dir = path.resolve(templatesDir);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".11ty.tsx")).sort();
  const globs: string[] = [];
  const outputs: string[] = [];
  for (const name of names) {
    const template = (await import(pathToFileURL(path.join(dir, name)).href)) as { data?: { pagination?: unknown; permalink?: unknown } };
    if (template.data?.pagination !== undefined) continue;
    // As a glob under the input folder: Eleventy resolves other ignore paths against the working folder.
    globs.push(`**/${name}`);
    if (typeof template.data?.permalink === "string") outputs.push(outputPath(template.data.permalink));
  }
  return { globs, outputs };
}

/**
 * Eleventy as the page writer's renderer (src/build/page-writer.ts): what
 * it writes besides the model's pages and assets are the one-off pages and
 * the files of `public/`.
 */
export async function eleventyRenderer(options: Omit<PagesOptions, "outDir">): Promise<Renderer> {
  const publicFiles = await readdir(options.publicDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const oneOff = await oneOffTemplates(options.templatesDir);
  const beside = new Set([
    ...oneOff.outputs,
    ...publicFiles.filter((f) => !f.isDirectory()).map((f) => path.relative(options.publicDir, path.join(f.parentPath, f.name)).split(path.sep).join("/")),
  ]);
  return { render: (outDir, pages, progress) => writePages({ ...options, outDir }, pages, progress, oneOff.globs), beside };
}

/**
 * Write every page of `model` into `options.outDir`, in runs of at most
 * PAGES_PER_RUN pages. Before the first run and after each, `onRun` gets
 * the model's pages (articles, lists, files) written so far and their total.
 */
export async function writePages(
  options: PagesOptions,
  model: SiteModel,
  onRun?: PagesProgress,
  /** The one-off templates' ignore globs, when the caller has them already. */
  known?: readonly string[],
): Promise<{ written: number }> {
  const runs = splitModel(model, options.pagesPerRun);
  const oneOff = runs.length > 1 ? (known ?? (await oneOffTemplates(options.templatesDir)).globs) : [];
  const pagesOf = (m: SiteModel): number => m.articles.length + m.listPages.length + m.files.length;
  let written = 0;
  let done = 0;
  onRun?.(done, pagesOf(model));
  for (const [i, run] of runs.entries()) {
    if (i > 0) collectGarbage();
    const eleventy = create(options, () => run, i === 0 ? { kind: "whole" } : { kind: "paginated", oneOff });
    silenceProgress(eleventy);
    const result = (await eleventy.write()) as unknown;
    written += Array.isArray(result) ? result.flat().filter((r) => r && typeof r === "object" && "outputPath" in r).length : 0;
    done += pagesOf(run);
    onRun?.(done, pagesOf(model));
  }
  return { written };
}

/**
 * Write one article's page as the article template's pagination in
 * `writePages` would (same template, data, permalink and HTML), without
 * starting Eleventy: the preview's first step after a save, where an
 * Eleventy run costs tenths of a second next to a 10,000-article site in
 * memory. It is imported under Eleventy's ESM resolver, which forgets it
 * after `forgetTemplates` as it does for Eleventy's own imports.
 * tests/dev/preview-pages.test.ts proves the bytes equal to Eleventy's.
 */
export async function writeArticlePage(options: PagesOptions, site: SiteView, article: ArticleView): Promise<string> {
  const url = pathToFileURL(path.resolve(options.templatesDir, "article.11ty.tsx")).href;
  const template = (await import(url)) as { render(data: ArticlePageData): unknown };
  const at = outputPath(article.url);
  const to = outputFile(options.outDir, at);
  await mkdir(path.dirname(to), { recursive: true });
  await writeFile(to, toHtml(template.render({ model: { site }, article, page: { url: article.url } })));
  return at;
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
