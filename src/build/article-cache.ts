import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { ParseTask, ParsedArticle } from "./parsed-article.ts";

/**
 * The persistent cache of parsed articles: one packed file, read whole at
 * the start of a build and written whole at the end with only the entries
 * the build used. Each entry is keyed by a hash of everything its parse
 * depends on (`ParseTask`) and of the pipeline's fingerprint, so a stale
 * entry is never found, only missed. The cache is an optimisation: a file
 * that is missing, truncated, altered, from another pipeline or another
 * Node is ignored whole, and the build parses everything as if cold.
 */

const MAGIC = "newsroom-article-cache 1\n";

export type CacheEntries = ReadonlyMap<string, ParsedArticle>;

export interface CacheRead {
  readonly entries: CacheEntries;
  /** Why the file was not used, when it was not; undefined when it was, or there was none. */
  readonly ignored: string | undefined;
}

/** The key of one article's parse: the pipeline's version and the task's every field. */
export function cacheKey(version: string, task: ParseTask): string {
  return createHash("sha256")
    .update(JSON.stringify([version, task.zone, task.embedHosts, task.file, task.source]))
    .digest("hex");
}

interface Header {
  readonly version: string;
  readonly node: string;
  readonly length: number;
  readonly sha256: string;
}

const EMPTY: CacheEntries = new Map();

function isParsed(value: unknown): value is ParsedArticle {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { article?: unknown; diagnostics?: unknown };
  return Array.isArray(v.diagnostics) && (v.article === undefined || (typeof v.article === "object" && v.article !== null));
}

/**
 * Read with the promise API, not `readFileSync`: measured at 10,000
 * articles, the synchronous read was no faster and left the build 150 MB
 * larger for the rest of its run.
 */
export async function readCache(file: string, version: string): Promise<CacheRead> {
  if (!existsSync(file)) return { entries: EMPTY, ignored: undefined };
  const ignore = (why: string): CacheRead => ({ entries: EMPTY, ignored: why });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return ignore(`unreadable: ${(error as Error).message}`);
  }
  if (bytes.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return ignore("not a cache file");
  const end = bytes.indexOf(10, MAGIC.length);
  if (end < 0) return ignore("no header");
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(MAGIC.length, end).toString("utf8")) as Header;
  } catch {
    return ignore("header is not JSON");
  }
  if (header.version !== version) return ignore("written by another version of the pipeline");
  if (header.node !== process.versions.v8) return ignore("written by another Node");
  const payload = bytes.subarray(end + 1);
  if (payload.length !== header.length) return ignore("truncated");
  if (createHash("sha256").update(payload).digest("hex") !== header.sha256) return ignore("checksum mismatch");
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return ignore("payload does not deserialize");
  }
  if (!Array.isArray(value)) return ignore("payload is not a list");
  const entries = new Map<string, ParsedArticle>();
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !isParsed(entry[1])) return ignore("malformed entry");
    entries.set(entry[0], entry[1]);
  }
  return { entries, ignored: undefined };
}

/** Replace the cache file with `entries`, atomically: a reader sees the old file or the new, never half of one. */
export async function writeCache(file: string, version: string, entries: CacheEntries): Promise<void> {
  const payload = serialize([...entries]);
  const header: Header = {
    version,
    node: process.versions.v8,
    length: payload.length,
    sha256: createHash("sha256").update(payload).digest("hex"),
  };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  // Header, then payload, without joining them: at 10,000 articles a joined copy is 150 MB more at the build's peak.
  const handle = await open(temporary, "w");
  try {
    // writeFile writes all of its data, from where the last write ended.
    await handle.writeFile(`${MAGIC}${JSON.stringify(header)}\n`);
    await handle.writeFile(payload);
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
