#!/usr/bin/env node
/**
 * The command line: `build`, `dev`, `check`, `related` and `new`. Flags,
 * messages and exit codes are ours (src/cli/failure.ts `EXIT`).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { vanishedFile } from "../build/vanished.ts";
import { diagnose, hasErrors, START } from "../diagnostics/diagnostic.ts";
import { type Format, formatDiagnostics, formatJson } from "../diagnostics/reporter.ts";
import { visibleText } from "../diagnostics/visible-text.ts";
import { loadSiteConfig } from "../site/config.ts";
import type { LoadedSite, SiteInput } from "../site/load-site.ts";
import { parseBuildArgs, parseDevArgs, parseNewArgs, parseRelatedArgs, UsageError, type BuildOptions, type CommonOptions } from "./args.ts";
import { authorFromEnvironment, AUTHOR_VARIABLE, createArticle } from "./new-article.ts";
import { EXIT, failureMessage, internalError, PlainError } from "./failure.ts";
import { checkCacheDir, checkOutDir, publishAtomically } from "./output-dir.ts";
import { pauseAt } from "./pause.ts";
import { Progress, writingPages } from "./progress.ts";
import { explainRelated } from "./related.ts";
import { assertPortFree } from "../dev/port.ts";
import { builtLine, nextScheduledLine } from "./summary.ts";
import { Timings } from "./timings.ts";
import { sweepTrash, TRASH_FOLDER } from "./trash.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TEMPLATES = path.join(ROOT, "templates");
const PUBLIC = path.join(ROOT, "public");

export { EXIT };

const USAGE = `Usage:
  npm run build -- [--content <dir>] [--out <dir>] [--site <file>] [--now <date-time>]
  npm run dev   -- [--content <dir>] [--site <file>] [--port <n>] [--now <date-time>]
  npm run check -- [--content <dir>] [--site <file>] [--format human|json|github]
  npm run related -- <slug> [--content <dir>] [--site <file>]
  npm run new   -- --section <section> "<Headline>" [--slug <slug>] [--content <dir>] [--site <file>]

  --content  folder of Markdown articles (default: content)
  --out      output folder, replaced whole on success (default: dist)
  --site     site config (default: site.yaml beside the content folder, if any)
  --now      build as of this moment, e.g. 2026-11-24T08:00:00+04:30 (default: now)
  --port     preview server port on 127.0.0.1 (default: 8080)
  --format   how problems are printed: human (default), json, or github (Actions annotations)
  --section  the new article's section, as listed in the site config
  --slug     the new article's file name and address (default: made from the headline)

The new article's author is $${AUTHOR_VARIABLE}, else \`git config user.name\`.

Exit codes:
  0  success
  1  the content has errors (all of them are reported; nothing is published)
  2  usage error: a flag, a value, a folder or a port the command cannot use
  3  internal error: a template or the generator itself failed (a bug; the message
     names the template, the page and the article file, then the cause)
  4  the system or a tool failed: disk full, permission denied, the search indexer`;

function report(site: LoadedSite, format: Format): void {
  if (format === "json") {
    process.stdout.write(formatJson(site.diagnostics));
  } else if (site.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(format, site.diagnostics, site.sources));
  }
}

/** What a build adds to loading: progress on a terminal, the cache folder, the pages its previous output holds. */
interface LoadExtras {
  readonly progress?: Progress;
  readonly cache?: string | undefined;
  readonly held?: SiteInput["held"];
}

/**
 * The content pipeline and Eleventy are imported when a command needs them:
 * together they take seconds to load, and `new` or `--help` need neither.
 */
async function load(options: CommonOptions & { readonly now: number }, { progress, cache, held }: LoadExtras = {}): Promise<LoadedSite> {
  const { loadSite } = await import("../site/load-site.ts");
  const { articleCache } = await import("../build/cache-location.ts");
  return loadSite({
    contentDir: options.contentDir,
    siteFile: options.siteFile,
    now: options.now,
    cache: articleCache(ROOT, cache),
    ...(held === undefined ? {} : { held }),
    ...(progress === undefined
      ? {}
      : { onArticle: (done: number, total: number) => progress.update({ stage: "parsing", done, total }, done === total) }),
  });
}

/** What publishing needs of a loaded site. */
interface SiteToPublish {
  readonly model: LoadedSite["model"];
  readonly digests: LoadedSite["digests"];
  readonly published: number;
  readonly warnings: number;
  readonly nextScheduled: LoadedSite["nextScheduled"];
  readonly cacheStats: LoadedSite["cacheStats"];
}

/**
 * Load the site and report its problems; undefined when it has errors.
 * Only what publishing needs is returned: the related engine's inputs (the
 * articles' texts, 50 MB at 10,000 articles) and the loaded articles would
 * otherwise be gone through by the garbage collector again and again while
 * pages are written.
 */
async function loadForPublishing(options: BuildOptions, progress: Progress, cache: string | undefined, held: SiteInput["held"]): Promise<SiteToPublish | undefined> {
  const site = await load(options, { progress, cache, held });
  progress.clear();
  report(site, options.format);
  if (hasErrors(site.diagnostics)) return undefined;
  return {
    model: site.model,
    digests: site.digests,
    published: site.published,
    warnings: site.diagnostics.length,
    nextScheduled: site.nextScheduled,
    cacheStats: site.cacheStats,
  };
}

/**
 * A body in the parse cache is checked when a page reads it, long after the
 * cache was opened; found damaged, the cache is removed and the site built
 * again without it, as if it had been ignored from the start.
 */
async function build(argv: readonly string[]): Promise<number> {
  // Before anything is made in the cache folder: one among the sources or in the output is refused.
  const options = parseBuildArgs(argv);
  if (options === "help") return help();
  const setting = process.env.NEWSROOM_CACHE;
  if (setting !== undefined && setting !== "" && setting !== "off") {
    checkCacheDir(setting, options.outDir, { content: options.contentDir, templates: TEMPLATES, public: PUBLIC, siteFile: options.siteFile });
  }
  // What the last build replaced is deleted meanwhile, and waited for: nothing outlives the command.
  const { cacheBase } = await import("../build/cache-location.ts");
  const base = cacheBase(ROOT);
  const trash = base === undefined ? undefined : path.join(base, TRASH_FOLDER);
  const sweeping = sweepTrash(trash);
  try {
    return await buildOnce(options, trash);
  } catch (error) {
    const { damagedCacheIn } = await import("../build/article-cache.ts");
    const damaged = damagedCacheIn(error);
    if (damaged === undefined) throw error;
    // A cache that cannot be removed (read-only) is only ignored: it is read again at the next build, and refused again.
    await rm(damaged.file, { force: true }).catch(() => undefined);
    process.stderr.write(`The article cache \`${damaged.file}\` was damaged: it is removed, and the site is built again without it.\n`);
    return await buildOnce(options, trash);
  } finally {
    await sweeping;
  }
}

async function buildOnce(options: BuildOptions, trash: string | undefined): Promise<number> {
  return await buildSite(options, trash).catch((error: unknown) => vanishedExit(error, options, true));
}

/**
 * A file listed when the build began and gone when it was read (an editor
 * moving a picture mid-build) is the content's doing: said at the file, exit
 * 1, nothing published. Any other error is thrown again.
 */
function vanishedExit(error: unknown, options: BuildOptions, publishing: boolean): number {
  const gone = vanishedFile(error, [options.contentDir, ...(options.siteFile === undefined ? [] : [options.siteFile])]);
  if (gone === undefined) throw error;
  const inContent = path.relative(path.resolve(options.contentDir), gone);
  const display = inContent.startsWith("..") ? (options.siteFile ?? gone) : path.join(options.contentDir, inContent).split(path.sep).join("/");
  const diagnostic = diagnose("file-vanished", display, START, { what: `\`${display}\`` });
  if (options.format === "json") process.stdout.write(formatJson([diagnostic]));
  else process.stderr.write(formatDiagnostics(options.format, [diagnostic], new Map()));
  if (publishing) process.stderr.write(`Nothing was published: \`${options.outDir}\` is unchanged. Build again once the files are in place.\n`);
  return EXIT.contentErrors;
}

async function buildSite(options: BuildOptions, trash: string | undefined): Promise<number> {
  const started = performance.now();
  const timings = new Timings(started);
  checkOutDir(options.outDir, { content: options.contentDir, templates: TEMPLATES, public: PUBLIC, siteFile: options.siteFile });
  // On a terminal, a line that counts; in CI nothing until the summary.
  const progress = new Progress(process.stderr);
  const { cacheFolder } = await import("../build/cache-location.ts");
  const cache = cacheFolder(ROOT, options.contentDir, options.outDir);
  // The content pipeline's modules first, then Eleventy's while the articles are read, when this
  // thread mostly waits on the disk (0.3 s later, at 10,000 articles). Both at once, the pipeline's wait.
  await import("../site/load-site.ts");
  const eleventyPages = import("../eleventy/pages.ts");
  // Only pages whose data changed are rendered; the rest are linked from the previous output, and
  // the model need not make the views of the pages held there: what they hold is known while the
  // articles are read.
  const writing = eleventyPages.then(async ({ eleventyRenderer }) => {
    const renderer = await eleventyRenderer({ templatesDir: TEMPLATES, publicDir: PUBLIC });
    return (await import("../build/page-writer.ts")).pageWriter(ROOT, cache, options.outDir, renderer);
  });
  // Awaited only when the site has no errors; a failure to load is reported then.
  writing.catch(() => undefined);
  const site = await loadForPublishing(
    options,
    progress,
    cache,
    writing.then(
      (writer) => writer.held,
      () => undefined,
    ),
  );
  timings.mark("load");
  await pauseAt("build:loaded");
  if (site === undefined) {
    process.stderr.write(`Nothing was published: \`${options.outDir}\` is unchanged. Fix the errors above and build again.\n`);
    return EXIT.contentErrors;
  }
  const pages = await writing;
  const { written, search } = await publishAtomically(options.outDir, trash, async (dir) => {
    // On a terminal, pages written of all as each run of pages ends; the line goes before the search index.
    const written = await pages.write(dir, site, writingPages(progress)).finally(() => progress.clear());
    // Recorded before the search index, which takes the pages' stamps from the record.
    const stamps = await pages.record(dir);
    timings.mark("pages");
    await pauseAt("build:pages");
    const search = await (await import("../search/finish-site.ts")).finishSite(dir, site.model, { outDir: options.outDir, cacheFolder: cache }, stamps);
    timings.mark("finish");
    return { written, search };
  }).catch((error: unknown) => {
    // A tool we call, or the file system, failed: said in words; the previous output is as it was.
    const message = failureMessage(error);
    if (message === undefined) throw error;
    throw new PlainError(`${message}\nNothing was published: \`${options.outDir}\` is unchanged.`, { cause: error });
  });
  timings.mark("publish");
  timings.report(process.stderr, { modelled: site.model.articles.length, rendered: written.rendered, carried: written.carried, ...site.cacheStats, search });
  const seconds = (performance.now() - started) / 1000;
  // With --format json, stdout carries only the JSON report.
  const out = options.format === "json" ? process.stderr : process.stdout;
  const summary = builtLine({ articles: site.published, pages: written.written, outDir: options.outDir, seconds, warnings: site.warnings });
  const next = nextScheduledLine(site.nextScheduled);
  out.write(`${summary}\n${next === undefined ? "" : `${next}\n`}`);
  return EXIT.ok;
}

async function check(argv: readonly string[]): Promise<number> {
  const options = parseBuildArgs(argv);
  if (options === "help") return help();
  let site: LoadedSite;
  try {
    site = await load(options);
  } catch (error) {
    return vanishedExit(error, options, false);
  }
  report(site, options.format);
  if (options.format !== "json" && site.diagnostics.length === 0) {
    process.stdout.write(`${site.articleCount} articles checked: no problems found.\n`);
  }
  return hasErrors(site.diagnostics) ? EXIT.contentErrors : EXIT.ok;
}

async function dev(argv: readonly string[]): Promise<number> {
  const options = parseDevArgs(argv);
  if (options === "help") return help();
  await assertPortFree(options.port);
  // One folder per port: two previews (or a test beside an editor's preview) never share one.
  const outDir = path.join(ROOT, ".cache", `preview-${options.port}`);
  const { writePages, writeArticlePage, forgetTemplates } = await import("../eleventy/pages.ts");
  const { servePreview } = await import("../dev/preview-server.ts");
  const { articleCache, cacheFolder } = await import("../build/cache-location.ts");
  const { pagesVersion } = await import("../build/pipeline-version.ts");
  const { DevSite } = await import("../dev/site-state.ts");
  const { PreviewPages } = await import("../dev/preview-pages.ts");
  const { PreviewSession } = await import("../dev/session.ts");
  const { watchPaths } = await import("../dev/watch.ts");
  const { writeImages } = await import("../images/encode.ts");
  // The folder is rendered whole at start: what a previous preview left in it is not known to be current.
  await rm(outDir, { recursive: true, force: true });
  const site = await DevSite.open({
    contentDir: options.contentDir,
    siteFile: options.siteFile,
    // The parse cache, as for builds: a restart re-parses only what changed since.
    cache: articleCache(ROOT, cacheFolder(ROOT, options.contentDir, outDir)),
  });
  const pagesOptions = { templatesDir: TEMPLATES, publicDir: PUBLIC, outDir };
  const session = new PreviewSession({
    site,
    pages: new PreviewPages(outDir, pagesVersion(ROOT), {
      pages: (model) => writePages(pagesOptions, model),
      article: (site, article) => writeArticlePage(pagesOptions, site, article),
    }),
    now: () => options.now ?? Date.now(),
    templatesDir: TEMPLATES,
    publicDir: PUBLIC,
    forgetTemplates: () => forgetTemplates(TEMPLATES),
    writeImages: (model) => writeImages(outDir, model.images),
    report: (loaded, seconds) => {
      report(loaded, options.format);
      if (hasErrors(loaded.diagnostics)) {
        process.stderr.write("The preview keeps the last version that built, with these errors over every page; fix them and save.\n");
      } else {
        process.stdout.write(`Previewing ${loaded.model.articles.length} articles (updated in ${seconds.toFixed(1)} s).\n`);
      }
    },
    fail: (error) => {
      // A file deleted between the preview's listing and its reading: the watcher reports the deletion, and the preview updates again.
      const gone = vanishedFile(error, [options.contentDir]);
      process.stderr.write(
        gone === undefined
          ? internalError(error)
          : `\`${visibleText(gone)}\` was moved or deleted while the preview was reading it; the preview updates again with what is there now.\n`,
      );
    },
  });
  await session.start();
  const server = await servePreview({ dir: outDir, port: options.port, overlay: () => session.overlay });
  session.attach((files) => server.reload(files));
  watchPaths([options.contentDir, TEMPLATES, PUBLIC, ...(options.siteFile === undefined ? [] : [options.siteFile])], (paths) => session.changed(paths));
  process.stdout.write(`Preview on http://127.0.0.1:${options.port}/ (Ctrl+C to stop)\n`);
  return EXIT.ok;
}

async function related(argv: readonly string[]): Promise<number> {
  const options = parseRelatedArgs(argv);
  if (options === "help") return help();
  const { slugs } = options;
  const site = await load(options);
  if (hasErrors(site.diagnostics)) {
    report(site, options.format);
    return EXIT.contentErrors;
  }
  for (const slug of slugs) {
    const text = explainRelated(site.relateInputs, site.config.related, slug);
    if (text === undefined) throw new UsageError(`no published article has the slug \`${slug}\`.`);
    process.stdout.write(text);
  }
  return EXIT.ok;
}

async function newArticle(argv: readonly string[]): Promise<number> {
  const options = parseNewArgs(argv);
  if (options === "help") return help();
  const site = await loadSiteConfig(options.siteFile);
  if (hasErrors(site.diagnostics)) {
    const sources = new Map(options.siteFile !== undefined && site.source !== undefined ? [[options.siteFile, site.source]] : []);
    process.stderr.write(formatDiagnostics("human", site.diagnostics, sources));
    return EXIT.contentErrors;
  }
  const created = await createArticle({
    headline: options.headline,
    section: options.section,
    slug: options.slug,
    contentDir: options.contentDir,
    config: site.config,
    now: options.now,
    author: authorFromEnvironment(process.env, path.resolve(options.contentDir)),
  });
  process.stdout.write(
    `Created ${created.file}\n` +
      created.notes.map((note) => `  note: ${note}\n`).join("") +
      "  Fill in the dateline, write the article below the front matter, then `npm run dev` to preview it.\n",
  );
  return EXIT.ok;
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return EXIT.ok;
}

const COMMANDS: Record<string, (argv: readonly string[]) => Promise<number>> = {
  build,
  check,
  dev,
  related,
  new: newArticle,
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  try {
    if (run === undefined) {
      if (command === "--help" || command === "-h") return help();
      throw new UsageError(command === undefined ? "no command given." : `unknown command \`${command}\`.`);
    }
    return await run(rest);
  } catch (error) {
    if (error instanceof PlainError) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.system;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${visibleText(error.message)}\n${error.showUsage ? `\n${USAGE}\n` : ""}`);
      return EXIT.usage;
    }
    // The system refusing a read or a write anywhere else (a device given as a file, a failing disk): in words too.
    const system = failureMessage(error);
    if (system !== undefined) {
      process.stderr.write(`error: ${visibleText(system)}\n`);
      return EXIT.system;
    }
    // A template that threw (src/eleventy/render-error.ts), or any other bug: the whole chain of causes.
    process.stderr.write(internalError(error));
    return EXIT.internal;
  }
}

const exitCode = await main(process.argv.slice(2));
// `dev` keeps running: its server holds the event loop open.
if (exitCode !== EXIT.ok || process.argv[2] !== "dev") process.exit(exitCode);
