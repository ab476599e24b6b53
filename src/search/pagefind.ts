import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fingerprint } from "../io/pipeline-version.ts";
import { carryOver, type Stamp, sameStamp, stampOf } from "../io/previous-output.ts";
import { ToolFailure } from "../io/tool-failure.ts";
import { PagefindService } from "./pagefind-service.ts";
import { type PageRecord, previousSearch, recordSearch, type ShardRecord } from "./search-manifest.ts";
import { searchableDocument } from "./searchable.ts";
import { PAGES_PER_SHARD, SEARCH_FOLDER, SHARD_LIST, type ShardPage, shardCount, shardFolder, shardHash, shardOf } from "./shards.ts";

/**
 * The search index, built by Pagefind from the pages as written: only pages
 * that carry `data-pagefind-body` (the article template's `<article>`) are
 * indexed, so drafts and scheduled articles, which have no page, can never be
 * found. Section and outlet are filters (`data-pagefind-filter`). Everything
 * is written under `<site>/pagefind/` and searched in the reader's browser:
 * no back end. One language for every page, so the site's search page also
 * finds articles written in another (Pagefind would otherwise keep one index
 * per `<html lang>` and search only the page's own).
 *
 * Pagefind is handed each page's searchable document (searchable.ts), not
 * the page, in shards (shards.ts); a shard whose documents are those the
 * previous build indexed is carried over from the previous output as it is.
 */
export interface SearchIndexResult {
  /** Pages indexed. */
  readonly pages: number;
  /** Shards Pagefind indexed in this build. */
  readonly shardsIndexed: number;
  /** Shards carried over unchanged from the previous output. */
  readonly shardsCarried: number;
}

/** Where the previous build's output and its search manifest are; none: index everything, remember nothing. */
export interface SearchCache {
  readonly manifest: string;
  readonly outDir: string;
}

/** Pagefind's index settings, in its service's own names. */
function pagefindOptions(language: string) {
  return {
    force_language: language.split("-")[0] ?? language,
    // The site's labels around the headline are not the story: keep them out of the words and excerpts
    // (the section and outlet filters inside them are still read).
    exclude_selectors: [".kicker", ".outlet", ".byline time", ".byline-updated"],
    write_playground: false,
  };
}

const hashOf = (...parts: string[]): string => createHash("sha256").update(parts.join("\0")).digest("hex");

/** The code that cuts documents out of pages: a change to it makes every recorded document hash stale. */
// From the root (`../..`), as the CLI's bundle (src/cli/launch.mjs) finds it too.
const EXTRACTOR = fingerprint([
  fileURLToPath(new URL("../../src/search/searchable.ts", import.meta.url)),
  fileURLToPath(new URL("../../public/search/normalize.js", import.meta.url)),
]);

/** Pagefind's version and our options: what, besides the documents, decides a shard's bytes. */
function indexerOf(language: string): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind"))), "utf8")) as { version: string };
  return hashOf(`pagefind ${pkg.version}`, JSON.stringify(pagefindOptions(language)));
}

/**
 * The files under `dir` (`/`-separated, relative, sorted) that `keep`
 * accepts, without entering the folders it refuses. Synchronous, like every
 * file access here, for the reason src/io/previous-output.ts gives.
 */
function filesUnder(dir: string, keep: (rel: string, folder: boolean) => boolean = () => true, sub = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub === "" ? entry.name : `${sub}/${entry.name}`;
    if (!keep(rel, entry.isDirectory())) continue;
    if (entry.isDirectory()) found.push(...filesUnder(dir, keep, rel));
    else if (entry.isFile()) found.push(rel);
  }
  return found.sort();
}

/** Pages anywhere in the site but in the search index's own folder. */
const isPage = (rel: string, folder: boolean): boolean => (folder ? rel !== SEARCH_FOLDER : rel.endsWith(".html"));

/**
 * Index the pages of `siteDir` in shards of about `perShard` pages or more
 * (shards.ts). `known` are stamps of pages already taken (the page
 * writer's): the others are looked at.
 */
export async function buildSearchIndex(
  siteDir: string,
  language: string,
  cache?: SearchCache,
  perShard: number = PAGES_PER_SHARD,
  known: ReadonlyMap<string, Stamp> = new Map(),
): Promise<SearchIndexResult> {
  const site = path.resolve(siteDir);
  const indexer = indexerOf(language);
  const previous = cache === undefined ? undefined : await previousSearch(cache.manifest, cache.outDir, EXTRACTOR);

  // Every page's searchable document: from the manifest where the file is the one recorded, else cut from the page.
  const documents = new Map<string, string>();
  const read = (rel: string): string | undefined => {
    const document = searchableDocument(readFileSync(path.join(site, rel), "utf8"), rel);
    if (document !== undefined) documents.set(rel, document);
    return document;
  };
  const pages = new Map<string, PageRecord>();
  const files = filesUnder(site, isPage);
  for (const rel of files) {
    const stamp = stampOf(known.get(rel) ?? statSync(path.join(site, rel)));
    const recorded = previous?.pages.get(rel);
    if (recorded !== undefined && sameStamp(recorded, stamp)) {
      pages.set(rel, { ...stamp, document: recorded.document });
    } else {
      const document = read(rel);
      pages.set(rel, { ...stamp, document: document === undefined ? null : hashOf(document) });
    }
  }

  const searchable = files.flatMap((page): ShardPage[] => {
    const document = pages.get(page)?.document;
    return typeof document === "string" ? [{ page, document }] : [];
  });
  // How many shards follows from how many pages: a build that crosses a threshold indexes every shard again.
  const count = shardCount(searchable.length, perShard);
  const shards = new Map<string, ShardPage[]>();
  for (const member of searchable) {
    const folder = shardFolder(shardOf(member.page, count));
    const members = shards.get(folder) ?? [];
    members.push(member);
    shards.set(folder, members);
  }
  const folders = [...shards.keys()].sort();

  const records = new Map<string, ShardRecord>();
  let indexed = 0;
  const pagefind = new PagefindService();
  try {
    for (const folder of folders) {
      const members = shards.get(folder) ?? [];
      let hash = shardHash(indexer, members);
      const carried = previous?.shards.get(folder);
      if (carried?.hash === hash && cache !== undefined) {
        carryOver(path.resolve(cache.outDir), site, Object.keys(carried.files));
      } else {
        // Recorded: the hash of the documents actually indexed, read again where the manifest vouched for them.
        hash = shardHash(indexer, await indexShard(pagefind, language, site, folder, members, (rel) => documents.get(rel) ?? read(rel)));
        indexed += 1;
      }
      const written = filesUnder(path.join(site, folder)).map((rel) => `${folder}/${rel}`);
      records.set(folder, { hash, files: Object.fromEntries(written.map((rel) => [rel, stampOf(statSync(path.join(site, rel)))])) });
    }
  } finally {
    await pagefind.close();
  }
  // The search page merges these; a shard without pages has no index to merge.
  const list = { shards: folders.map((folder) => `/${folder}/`) };
  mkdirSync(path.join(site, SEARCH_FOLDER), { recursive: true });
  writeFileSync(path.join(site, SEARCH_FOLDER, SHARD_LIST), `${JSON.stringify(list)}\n`);

  if (cache !== undefined) await recordSearch(cache.manifest, cache.outDir, EXTRACTOR, pages, records);
  return { pages: searchable.length, shardsIndexed: indexed, shardsCarried: folders.length - indexed };
}

/**
 * One shard, by one Pagefind index: pages added one at a time in path order
 * (the order decides the bytes), written, then dropped before the next
 * shard, so Pagefind holds one shard at a time.
 */
async function indexShard(
  pagefind: PagefindService,
  language: string,
  site: string,
  folder: string,
  members: readonly ShardPage[],
  documentOf: (rel: string) => string | undefined,
): Promise<ShardPage[]> {
  const created = await pagefind.request("creating an index", { type: "NewIndex", config: pagefindOptions(language) }, "NewIndex");
  const index = created.index_id;
  if (typeof index !== "number") throw new ToolFailure("the search indexer (Pagefind) gave no index to write to.");
  try {
    const fed: ShardPage[] = [];
    for (const { page } of members) {
      const content = documentOf(page);
      if (content === undefined) throw new Error(`search index: ${page} no longer has a data-pagefind-body element`);
      await pagefind.request(`indexing ${page}`, { type: "AddFile", index_id: index, file_path: page, file_contents: content }, "IndexedFile");
      fed.push({ page, document: hashOf(content) });
    }
    await pagefind.request(`writing the index of ${folder}`, { type: "WriteFiles", index_id: index, output_path: path.join(site, folder) }, "WriteFiles");
    return fed;
  } finally {
    await pagefind.request("dropping an index", { type: "DeleteIndex", index_id: index }, "DeleteIndex").catch(() => undefined);
  }
}
