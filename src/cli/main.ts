#!/usr/bin/env node
/**
 * The command line: `build`, `dev`, `check`, `related`, `new` and `notify-hub`. Flags,
 * messages and exit codes are ours (src/cli/failure.ts `EXIT`).
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkCacheDir } from "../build/output-dir.ts";
import { sweepTrash, TRASH_FOLDER } from "../build/trash.ts";
import { loadSiteConfig } from "../content/site-config.ts";
import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import { type Format, formatDiagnostics, formatJson } from "../diagnostics/reporter.ts";
import { visibleText } from "../diagnostics/visible-text.ts";
import { UsageError } from "../io/usage-error.ts";
import { vanishedFile } from "../io/vanished.ts";
import { parseBuildArgs, parseDevArgs, parseNewArgs, parseNotifyArgs, parseRelatedArgs } from "./args.ts";
import { EXIT, failureMessage, internalError, PlainError } from "./failure.ts";
import { AUTHOR_VARIABLE, authorFromEnvironment, createArticle } from "./new-article.ts";
import { assertPortFree } from "./port.ts";
import { Progress, writingPages } from "./progress.ts";
import { explainRelated } from "./related.ts";
import { builtLine, nextScheduledLine } from "./summary.ts";
import { Timings } from "./timings.ts";

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
  npm run notify-hub -- [--out <dir>]   after a deploy: tell the feeds' WebSub hub they changed

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

function report(problems: { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> }, format: Format): void {
  if (format === "json") {
    process.stdout.write(formatJson(problems.diagnostics));
  } else if (problems.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(format, problems.diagnostics, problems.sources));
  }
}

/** The content pipeline and Eleventy are imported when a command needs them: together they take seconds to load, and `new` or `--help` need neither. */
const pipeline = () => import("../build/build.ts");

async function build(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  // Before anything is made in the cache folder: one among the sources or in the output is refused.
  const options = parseBuildArgs(argv);
  if (options === "help") return help();
  const setting = process.env.NEWSROOM_CACHE;
  if (setting !== undefined && setting !== "" && setting !== "off") {
    checkCacheDir(setting, options.outDir, { content: options.contentDir, templates: TEMPLATES, public: PUBLIC, siteFile: options.siteFile });
  }
  // What the last build replaced is deleted meanwhile, and waited for: nothing outlives the command.
  const { cacheBase } = await import("../io/cache-location.ts");
  const base = cacheBase(ROOT);
  const trash = base === undefined ? undefined : path.join(base, TRASH_FOLDER);
  const sweeping = sweepTrash(trash);
  const timings = new Timings(started);
  // On a terminal, a line that counts; in CI nothing until the summary.
  const progress = new Progress(process.stderr);
  try {
    const { build: buildSite } = await pipeline();
    const outcome = await buildSite(
      { root: ROOT, contentDir: options.contentDir, siteFile: options.siteFile, outDir: options.outDir, now: options.now, trash },
      {
        onArticle: (done, total) => progress.update({ stage: "parsing", done, total }, done === total),
        onPages: writingPages(progress),
        problems: (found) => {
          progress.clear();
          report(found, options.format);
        },
        phase: (name) => {
          progress.clear();
          timings.mark(name);
        },
      },
    ).catch((error: unknown) => {
      // A tool we call, or the file system, failed: said in words; the previous output is as it was.
      const message = failureMessage(error);
      if (message !== undefined) throw new PlainError(`${message}\nNothing was published: \`${options.outDir}\` is unchanged.`, { cause: error });
      if (error instanceof UsageError || error instanceof PlainError) throw error;
      // A bug (a template that threw, our own code): its whole chain of causes, and what became of the output.
      progress.clear();
      process.stderr.write(`${internalError(error)}Nothing was published: \`${options.outDir}\` is unchanged.\n`);
      return undefined;
    });
    if (outcome === undefined) return EXIT.internal;
    if (outcome.kind === "content-errors") {
      const vanished = outcome.diagnostics.some((d) => d.rule === "file-vanished");
      const what = vanished ? "Build again once the files are in place." : "Fix the errors above and build again.";
      process.stderr.write(`Nothing was published: \`${options.outDir}\` is unchanged. ${what}\n`);
      return EXIT.contentErrors;
    }
    const { pages } = outcome;
    timings.report(process.stderr, { modelled: pages.articles, rendered: pages.rendered, carried: pages.carried, ...outcome.cacheStats, search: outcome.search });
    const seconds = (performance.now() - started) / 1000;
    // With --format json, stdout carries only the JSON report.
    const out = options.format === "json" ? process.stderr : process.stdout;
    const summary = builtLine({ articles: outcome.articles, pages: pages.written, outDir: options.outDir, seconds, warnings: outcome.diagnostics.length });
    const next = nextScheduledLine(outcome.nextScheduled);
    out.write(`${summary}\n${next === undefined ? "" : `${next}\n`}`);
    return EXIT.ok;
  } finally {
    await sweeping;
  }
}

async function check(argv: readonly string[]): Promise<number> {
  const options = parseBuildArgs(argv);
  if (options === "help") return help();
  const modelled = await (await pipeline()).modelSite(options);
  report(modelled, options.format);
  if (modelled.kind === "content-errors") return EXIT.contentErrors;
  if (options.format !== "json" && modelled.diagnostics.length === 0) {
    process.stdout.write(`${modelled.content.articleCount} articles checked: no problems found.\n`);
  }
  return EXIT.ok;
}

async function dev(argv: readonly string[]): Promise<number> {
  const options = parseDevArgs(argv);
  if (options === "help") return help();
  await assertPortFree(options.port);
  // One folder per port: two previews (or a test beside an editor's preview) never share one.
  const outDir = path.join(ROOT, ".cache", `preview-${options.port}`);
  const { eleventyRenderer, forgetTemplates } = await import("../eleventy/pages.ts");
  const { servePreview } = await import("../dev/preview-server.ts");
  const { articleCache, cacheFolder } = await import("../io/cache-location.ts");
  const { pagesVersion } = await import("../io/pipeline-version.ts");
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
  const session = new PreviewSession({
    site,
    pages: new PreviewPages(outDir, pagesVersion(ROOT), () => eleventyRenderer({ templatesDir: TEMPLATES, publicDir: PUBLIC })),
    now: () => options.now ?? Date.now(),
    templatesDir: TEMPLATES,
    publicDir: PUBLIC,
    forgetTemplates: () => forgetTemplates(TEMPLATES),
    writeImages: (images) => writeImages(outDir, images),
    report: (loaded, seconds) => {
      report(loaded, options.format);
      if (hasErrors(loaded.diagnostics)) {
        process.stderr.write("The preview keeps the last version that built, with these errors over every page; fix them and save.\n");
      } else {
        process.stdout.write(`Previewing ${loaded.built.site.articles.length} articles (updated in ${seconds.toFixed(1)} s).\n`);
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
  const modelled = await (await pipeline()).modelSite(options);
  if (modelled.kind === "content-errors") {
    report(modelled, options.format);
    return EXIT.contentErrors;
  }
  for (const slug of slugs) {
    const text = explainRelated(modelled.built.relateInputs, modelled.content.config.related, slug);
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

async function notifyHub(argv: readonly string[]): Promise<number> {
  const options = parseNotifyArgs(argv);
  if (options === "help") return help();
  const { hubTopics, notifyHubs } = await import("./notify-hub.ts");
  const topics = await hubTopics(options.outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new UsageError(`--out: there is no built site at \`${options.outDir}\`; run \`npm run build\` first.`, { cause: error });
    throw error;
  });
  if (topics.length === 0) {
    process.stdout.write("No feed names a WebSub hub (site.yaml `feeds: hub:`): nothing to announce.\n");
    return EXIT.ok;
  }
  const hubs = [...new Set(topics.map((t) => t.hub))];
  const told = await notifyHubs(topics);
  process.stdout.write(`Told ${hubs.join(", ")} that ${told} feed${told === 1 ? "" : "s"} changed.\n`);
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
  "notify-hub": notifyHub,
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
