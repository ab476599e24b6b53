/**
 * One build, top to bottom: load the content, model the site, and if it has
 * no errors publish it: plan the pages against the previous output, render
 * those that changed, encode the pictures, index for search, and swap the
 * new folder in whole. Nothing is printed here: the CLI says what happened.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, diagnose, hasErrors, START } from "../diagnostics/diagnostic.ts";
import { eleventyRenderer } from "../eleventy/pages.ts";
import type { PagesProgress } from "../eleventy/renderer.ts";
import { writeImages } from "../images/encode.ts";
import { articleCache, cacheFolder } from "../io/cache-location.ts";
import { pauseAt } from "../io/pause.ts";
import { vanishedFile } from "../io/vanished.ts";
import { damagedCacheIn } from "../load/article-cache.ts";
import { type LoadedContent, loadContent, siteProblems } from "../load/load-content.ts";
import { buildSearchIndex, type SearchIndexResult } from "../search/pagefind.ts";
import { pagesPerShard } from "../search/shards.ts";
import { type BuiltSite, buildSite } from "../site/build-site.ts";
import type { Scheduled } from "../site/schedule.ts";
import { checkOutDir, publishAtomically, type Sources } from "./output-dir.ts";
import { type PagesWritten, pageWriter } from "./page-writer.ts";

export interface BuildRequest {
  /** The project: its `templates/` and `public/`, and the default cache folder. */
  readonly root: string;
  readonly contentDir: string;
  readonly siteFile: string | undefined;
  readonly outDir: string;
  /** The moment the site is built "as of". */
  readonly now: number;
  /** Where the previous output goes once replaced, to be deleted later; undefined deletes it now. */
  readonly trash: string | undefined;
}

/** What a build lets its caller watch: progress on a terminal, and the end of each phase. */
export interface BuildHooks {
  readonly onArticle?: (done: number, total: number) => void;
  readonly onPages?: PagesProgress;
  /** The site's problems, as soon as they are known: before anything is published. */
  readonly problems?: (found: { readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> }) => void;
  /** The phase that ends now: `load`, `pages`, `finish`, `publish`. */
  readonly phase?: (name: string) => void;
}

export type BuildOutcome =
  | {
      /** Nothing was published: the content has errors (or a file went missing while it was read). */
      readonly kind: "content-errors";
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: "published";
      /** Warnings only. */
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
      readonly articles: number;
      readonly pages: PagesWritten;
      readonly nextScheduled: Scheduled | undefined;
      readonly cacheStats: LoadedContent["cacheStats"];
      readonly search: SearchIndexResult;
    };

/** The site's own sources, which no output or cache folder may be among or inside. */
export function sourcesOf(request: Pick<BuildRequest, "root" | "contentDir" | "siteFile">): Sources {
  return { content: request.contentDir, templates: path.join(request.root, "templates"), public: path.join(request.root, "public"), siteFile: request.siteFile };
}

/**
 * Build and publish. A body in the parse cache is checked when a page reads
 * it, long after the cache was opened; found damaged, the cache is removed
 * and the site built again without it, as if it had been ignored from the start.
 */
export async function build(request: BuildRequest, hooks: BuildHooks = {}): Promise<BuildOutcome> {
  try {
    return await buildOnce(request, hooks).catch((error: unknown) => reported(vanished(error, request), hooks));
  } catch (error) {
    const damaged = damagedCacheIn(error);
    if (damaged === undefined) throw error;
    // A cache that cannot be removed (read-only) is only ignored: it is read again at the next build, and refused again.
    await rm(damaged.file, { force: true }).catch(() => undefined);
    process.stderr.write(`The article cache \`${damaged.file}\` was damaged: it is removed, and the site is built again without it.\n`);
    return await buildOnce(request, hooks).catch((error: unknown) => reported(vanished(error, request), hooks));
  }
}

function reported<T extends BuildOutcome>(outcome: T, hooks: BuildHooks): T {
  hooks.problems?.(outcome);
  return outcome;
}

/**
 * A file listed when the build began and gone when it was read (an editor
 * moving a picture mid-build) is the content's doing: said at the file, and
 * nothing is published. Any other failure is thrown again.
 */
function vanished(error: unknown, request: Pick<BuildRequest, "contentDir" | "siteFile">): Extract<BuildOutcome, { kind: "content-errors" }> {
  const gone = vanishedFile(error, [request.contentDir, ...(request.siteFile === undefined ? [] : [request.siteFile])]);
  if (gone === undefined) throw error;
  const inContent = path.relative(path.resolve(request.contentDir), gone);
  const display = inContent.startsWith("..") ? (request.siteFile ?? gone) : path.join(request.contentDir, inContent).split(path.sep).join("/");
  return { kind: "content-errors", diagnostics: [diagnose("file-vanished", display, START, { what: `\`${display}\`` })], sources: new Map() };
}

async function buildOnce(request: BuildRequest, hooks: BuildHooks): Promise<BuildOutcome> {
  const { root, outDir } = request;
  checkOutDir(outDir, sourcesOf(request));
  const cache = cacheFolder(root, request.contentDir, outDir);
  // Eleventy's modules load while the articles are read, when this thread mostly waits on the disk.
  const rendering = eleventyRenderer({ templatesDir: path.join(root, "templates"), publicDir: path.join(root, "public") });
  rendering.catch(() => undefined);

  const modelled = await modelSite(request, { cache: articleCache(root, cache), ...(hooks.onArticle === undefined ? {} : { onArticle: hooks.onArticle }) });
  hooks.phase?.("load");
  hooks.problems?.(modelled);
  await pauseAt("build:loaded");
  if (modelled.kind === "content-errors") return modelled;
  const { content, built, diagnostics, sources } = modelled;

  const pages = await pageWriter(root, cache, outDir, await rendering);
  const published = await publishAtomically(outDir, request.trash, async (dir) => {
    const written = await pages.write(dir, { chrome: built.site.chrome, front: built.site.front, pages: built.pages }, hooks.onPages);
    // Recorded before the search index, which takes the pages' stamps from the record.
    const stamps = await pages.record(dir);
    hooks.phase?.("pages");
    await pauseAt("build:pages");
    await writeImages(dir, built.site.images);
    const searchCache = cache === undefined ? undefined : { manifest: path.join(cache, "search.json"), outDir };
    const search = await buildSearchIndex(dir, built.site.chrome.language, searchCache, pagesPerShard(), stamps);
    hooks.phase?.("finish");
    return { written, search };
  });
  hooks.phase?.("publish");
  return {
    kind: "published",
    diagnostics,
    sources,
    articles: built.site.articles.length,
    pages: published.written,
    nextScheduled: built.site.nextScheduled,
    cacheStats: content.cacheStats,
    search: published.search,
  };
}

export type Modelled =
  | Extract<BuildOutcome, { kind: "content-errors" }>
  | {
      readonly kind: "modelled";
      readonly content: LoadedContent;
      readonly built: BuiltSite;
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
    };

/** Load and model the site: what `check` and `related` do, and a build before it writes. */
export async function modelSite(
  request: Pick<BuildRequest, "contentDir" | "siteFile" | "now">,
  options: Pick<Parameters<typeof loadContent>[0], "cache" | "onArticle"> = {},
): Promise<Modelled> {
  let content: LoadedContent;
  try {
    content = await loadContent({ contentDir: request.contentDir, siteFile: request.siteFile, ...options });
  } catch (error) {
    return vanished(error, request);
  }
  const built = buildSite({ articles: content.articles, config: content.config, now: request.now, unreadable: content.unreadable });
  const { diagnostics, sources } = siteProblems(content, built.diagnostics);
  if (hasErrors(diagnostics)) return { kind: "content-errors", diagnostics, sources };
  return { kind: "modelled", content, built, diagnostics, sources };
}
