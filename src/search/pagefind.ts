import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inParallel } from "../build/load-articles.ts";
import { carryOver } from "../build/page-manifest.ts";
import { type PageRecord, previousSearch, recordSearch, sameStamp, type ShardRecord, stampOf } from "./search-manifest.ts";
import { searchableDocument } from "./searchable.ts";
import { SEARCH_FOLDER, SHARD_LIST, shardFolder, shardHash, shardOf, type ShardPage } from "./shards.ts";

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

const READS_AT_ONCE = 32;

function pagefindOptions(language: string) {
  return {
    forceLanguage: language.split("-")[0] ?? language,
    // The site's labels around the headline are not the story: keep them out of the words and excerpts
    // (the section and outlet filters inside them are still read).
    excludeSelectors: [".kicker", ".outlet", ".byline time", ".byline-updated"],
    writePlayground: false,
  };
}

const fingerprint = (...parts: string[]): string => createHash("sha256").update(parts.join("\0")).digest("hex");

/** The code that cuts documents out of pages: a change to it makes every recorded document hash stale. */
const EXTRACTOR = fingerprint(readFileSync(fileURLToPath(new URL("./searchable.ts", import.meta.url)), "utf8"));

/** Pagefind's version and our options: what, besides the documents, decides a shard's bytes. */
function indexerOf(language: string): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind"))), "utf8")) as { version: string };
  return fingerprint(`pagefind ${pkg.version}`, JSON.stringify(pagefindOptions(language)));
}

const isPage = (rel: string): boolean => rel.endsWith(".html") && !rel.startsWith(`${SEARCH_FOLDER}${path.sep}`);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

export async function buildSearchIndex(siteDir: string, language: string, cache?: SearchCache): Promise<SearchIndexResult> {
  const site = path.resolve(siteDir);
  const indexer = indexerOf(language);
  const previous = cache === undefined ? undefined : await previousSearch(cache.manifest, cache.outDir, EXTRACTOR);

  // Every page's searchable document: from the manifest where the file is the one recorded, else cut from the page.
  const documents = new Map<string, string>();
  const read = async (rel: string): Promise<string | undefined> => {
    const document = searchableDocument(await readFile(path.join(site, rel), "utf8"), rel);
    if (document !== undefined) documents.set(rel, document);
    return document;
  };
  const pages = new Map<string, PageRecord>();
  const files = (await filesUnder(site)).filter(isPage);
  await inParallel(files, READS_AT_ONCE, async (rel) => {
    const stamp = stampOf(await stat(path.join(site, rel)));
    const recorded = previous?.pages.get(rel);
    if (recorded !== undefined && sameStamp(recorded, stamp)) {
      pages.set(rel, { ...stamp, document: recorded.document });
    } else {
      const document = await read(rel);
      pages.set(rel, { ...stamp, document: document === undefined ? null : fingerprint(document) });
    }
  });

  const shards = new Map<string, ShardPage[]>();
  for (const rel of files) {
    const document = pages.get(rel)?.document;
    if (document === null || document === undefined) continue;
    const folder = shardFolder(shardOf(rel));
    const members = shards.get(folder) ?? [];
    members.push({ page: rel, document });
    shards.set(folder, members);
  }
  const folders = [...shards.keys()].sort();

  const records = new Map<string, ShardRecord>();
  let indexed = 0;
  const pagefind = await import("pagefind");
  try {
    for (const folder of folders) {
      const members = shards.get(folder) ?? [];
      let hash = shardHash(indexer, members);
      const carried = previous?.shards.get(folder);
      if (carried?.hash === hash && cache !== undefined) {
        await carryOver(path.resolve(cache.outDir), site, Object.keys(carried.files));
      } else {
        // Recorded: the hash of the documents actually indexed, read again where the manifest vouched for them.
        hash = shardHash(indexer, await indexShard(pagefind, language, site, folder, members, async (rel) => documents.get(rel) ?? (await read(rel))));
        indexed += 1;
      }
      const written = (await filesUnder(path.join(site, folder))).map((rel) => `${folder}/${rel}`);
      const stamps = await Promise.all(written.map(async (rel) => [rel, stampOf(await stat(path.join(site, rel)))] as const));
      records.set(folder, { hash, files: Object.fromEntries(stamps) });
    }
  } finally {
    await pagefind.close();
  }
  // The search page merges these; a shard without pages has no index to merge.
  const list = { shards: folders.map((folder) => `/${folder}/`) };
  await writeFile(path.join(site, SEARCH_FOLDER, SHARD_LIST), `${JSON.stringify(list)}\n`);

  if (cache !== undefined) await recordSearch(cache.manifest, cache.outDir, EXTRACTOR, pages, records);
  const count = [...shards.values()].reduce((n, members) => n + members.length, 0);
  return { pages: count, shardsIndexed: indexed, shardsCarried: folders.length - indexed };
}

/**
 * One shard, by one Pagefind index: pages added one at a time in path order
 * (the order decides the bytes), written, then dropped before the next
 * shard, so Pagefind holds one shard at a time.
 */
async function indexShard(
  pagefind: typeof import("pagefind"),
  language: string,
  site: string,
  folder: string,
  members: readonly ShardPage[],
  documentOf: (rel: string) => Promise<string | undefined>,
): Promise<ShardPage[]> {
  const created = await pagefind.createIndex(pagefindOptions(language));
  const index = created.index;
  if (index === undefined) throw new Error(`search index: ${created.errors.join("; ")}`);
  try {
    const fed: ShardPage[] = [];
    for (const { page } of members) {
      const content = await documentOf(page);
      if (content === undefined) throw new Error(`search index: ${page} no longer has a data-pagefind-body element`);
      const added = await index.addHTMLFile({ sourcePath: page, content });
      if (added.errors.length > 0) throw new Error(`search index: ${page}: ${added.errors.join("; ")}`);
      fed.push({ page, document: fingerprint(content) });
    }
    const written = await index.writeFiles({ outputPath: path.join(site, folder) });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    return fed;
  } finally {
    await index.deleteIndex();
  }
}
