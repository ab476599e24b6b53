/**
 * The only module that knows Eleventy. Eleventy paginates our view models
 * into pages through the typed JSX templates in `templates/`, copies
 * `public/` to `/`, and (for `dev`) serves and watches. Our content never
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
  addWatchTarget(target: string): void;
  on(event: "eleventy.before" | "eleventy.after", callback: () => Promise<void> | void): void;
  setServerOptions(options: object): void;
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
  // A function, so a dev rebuild sees the model reloaded in `eleventy.before`.
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

function create(options: PagesOptions, extra: (config: EleventyConfig) => void, model: () => SiteModel, runMode: "build" | "serve") {
  return new Eleventy(path.resolve(options.templatesDir), path.resolve(options.outDir), {
    quietMode: true,
    runMode,
    config(config: EleventyConfig) {
      configure(config, options, model);
      extra(config);
    },
  });
}

/** Write every page of `model` into `options.outDir`. */
export async function writePages(options: PagesOptions, model: SiteModel): Promise<{ written: number }> {
  const eleventy = create(options, () => {}, () => model, "build");
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

export interface ServeOptions extends PagesOptions {
  readonly port: number;
  /** Files whose change should rebuild the site (content folder, site config). */
  readonly watch: readonly string[];
  /** Called before each build: what to render, and the overlay while the content has errors. */
  readonly refresh: () => Promise<Preview>;
}

export interface Preview {
  /** The model to render: the last good one while the content has errors. */
  readonly model: SiteModel;
  /** HTML put over every page (src/dev/overlay.ts), or undefined when the content is fine. */
  readonly overlay: string | undefined;
}

/** Build, then serve on 127.0.0.1 with live reload, rebuilding when content changes. */
export async function servePages(options: ServeOptions): Promise<void> {
  let current = await options.refresh();
  // Eleventy's first build follows at once: reuse the preview just loaded rather than report its problems twice.
  let loaded = true;
  const eleventy = create(
    options,
    (config) => {
      for (const target of options.watch) config.addWatchTarget(target);
      config.on("eleventy.before", async () => {
        if (!loaded) current = await options.refresh();
        loaded = false;
      });
      // Its own "Server at http://localhost:…" would name a host we do not listen on (see restrictToLoopback); the CLI says where.
      config.setServerOptions({ port: options.port, showVersion: false, messageOnStart: () => false });
      addOverlay(config, () => current.overlay);
    },
    () => current.model,
    "serve",
  );
  await restrictToLoopback();
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
}

/** Shows the overlay on every HTML page; feeds, sitemaps and copied files are left as they are. */
function addOverlay(config: EleventyConfig, overlay: () => string | undefined): void {
  const transforms = config as EleventyConfig & {
    addTransform(name: string, transform: (this: { page: { outputPath: unknown } }, content: string) => string): void;
  };
  transforms.addTransform("newsroom-error-overlay", function (content) {
    const html = overlay();
    const { outputPath } = this.page;
    return html !== undefined && typeof outputPath === "string" && outputPath.endsWith(".html") ? injectOverlay(content, html) : content;
  });
}

/**
 * Eleventy's dev server listens on every interface and has no host option;
 * a preview of unpublished news belongs on the loopback interface only.
 */
async function restrictToLoopback(): Promise<void> {
  const { default: DevServer } = (await import("@11ty/eleventy-dev-server")) as {
    default: { prototype: { _serverListen(port: number): void; server: { listen(o: object): void } } };
  };
  DevServer.prototype._serverListen = function (this: { server: { listen(o: object): void } }, port: number) {
    this.server.listen({ port, host: "127.0.0.1" });
  };
}
