import { createHash } from "node:crypto";
import { closeSync, existsSync, open, read, readSync } from "node:fs";
import { mkdir, open as openHandle, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { deserialize, serialize } from "node:v8";
import { seal, sealMatches, warnForged } from "../io/cache-seal.mjs";
import { type BodyHtml, htmlHash } from "../markdown/body-html.ts";
import { type ParsedArticle, type ParseTask, withPictures } from "./parsed-article.ts";

/**
 * The persistent cache of parsed articles: one packed file, written whole at
 * the end of the load with only the entries the build used. Each entry is
 * keyed by a hash of everything its parse depends on (`ParseTask`) and of
 * the pipeline's fingerprint, so a stale entry is never found, only missed.
 *
 * The file has two parts: an index (every entry without its body's HTML,
 * checked by a hash as a whole and read at the start of a build) and the
 * bodies' HTML, each read only when a page shows it and checked against its
 * own hash then (body-html.ts). The bodies are a large share of the bytes,
 * and a warm build shows a handful (sizes in docs/performance.md).
 *
 * The header and index are sealed (cache-seal.mjs) with a key that lives
 * outside the cache: the index holds each body's hash, so a body is as
 * trusted as the index once its hash matches, at no cost beyond the hash
 * that is taken anyway. Whoever can write the cache but has no key cannot
 * make an index this build accepts, however they recompute the hashes.
 *
 * The cache is an optimisation: an index that is missing, truncated,
 * altered, unsealed, from another pipeline or another Node is ignored
 * whole, and the build parses everything as if cold; a body found altered
 * when read throws `DamagedCache`, and the build starts again without the
 * file (cli/main.ts).
 */

const MAGIC = "newsroom-article-cache 3\n";
/** Bodies are written in runs of about this many bytes: one write per body is a system call per article, one for all a copy of every body. */
const WRITE_RUN = 1 << 20;

export type CacheEntries = ReadonlyMap<string, ParsedArticle>;

export interface CacheRead {
  readonly entries: CacheEntries;
  /** Why the file was not used, when it was not; undefined when it was, or there was none. */
  readonly ignored: string | undefined;
}

/** A body read from the cache file was not what its entry says: the file changed or was damaged after it was opened. */
export class DamagedCache extends Error {
  constructor(readonly file: string) {
    super(`the article cache ${file} is damaged`);
  }
}

/** The `DamagedCache` behind `error`, if any: a template that reads a body throws it wrapped in Eleventy's errors. */
export function damagedCacheIn(error: unknown): DamagedCache | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 16; depth++) {
    if (e instanceof DamagedCache) return e;
    const wrapped = e as { originalError?: unknown; cause?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return undefined;
}

/**
 * The key of one article's parse: the pipeline's version and the task's
 * every field. The text may be given as the file's UTF-8 bytes: the key is
 * the same as for the text it decodes to (a leading byte order mark, which
 * decoding drops, is left out).
 */
export function cacheKey(version: string, task: Omit<ParseTask, "source"> & { readonly source: string | Uint8Array }): string {
  const { source } = task;
  const text = typeof source === "string" || !(source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf) ? source : source.subarray(3);
  // The text apart from the JSON, which ends at the first NUL (JSON escapes its own): no article's text copied and escaped once more.
  return createHash("sha256")
    .update(JSON.stringify([version, task.zone, task.embedHosts, task.textWords ?? null, task.file]))
    .update("\0")
    .update(text)
    .digest("hex");
}

interface Header {
  readonly version: string;
  readonly node: string;
  /** Bytes of the index, after the header line. */
  readonly index: number;
  /** Bytes of the bodies, after the index. */
  readonly bodies: number;
  /** The seal of the other fields and the index (`sealOf`). */
  readonly mac: string;
}

/** What the seal covers: the header's fields but the seal itself, and the index (whose entries hold the bodies' hashes). */
function sealOf(secret: Buffer, header: Omit<Header, "mac">, index: Uint8Array): Buffer {
  const { version, node, index: indexBytes, bodies } = header;
  return seal(secret, "articles.bin", JSON.stringify([version, node, indexBytes, bodies]), index);
}

/** One entry in the index: its key, the parse without its body's HTML, and where that HTML lies among the bodies. */
type IndexEntry = [key: string, parsed: LeanParse, body: { hash: string; marksPictures: boolean; at: number; length: number } | undefined];

type Parse = NonNullable<ParsedArticle["article"]>;
type LeanParse = {
  readonly article: (Omit<Parse, "body"> & { readonly body: Omit<Parse["body"], "html"> }) | undefined;
  readonly diagnostics: ParsedArticle["diagnostics"];
  readonly pictures?: ParsedArticle["pictures"];
};

const EMPTY: CacheEntries = new Map();

function isIndexEntry(value: unknown): value is IndexEntry {
  if (!Array.isArray(value) || typeof value[0] !== "string") return false;
  const parsed = value[1] as { article?: unknown; diagnostics?: unknown; pictures?: unknown } | null;
  if (typeof parsed !== "object" || parsed === null || !Array.isArray(parsed.diagnostics)) return false;
  if (parsed.pictures !== undefined && !Array.isArray(parsed.pictures)) return false;
  const body = value[2] as { hash?: unknown; marksPictures?: unknown; at?: unknown; length?: unknown } | undefined;
  if (parsed.article === undefined) return body === undefined;
  return (
    typeof parsed.article === "object" &&
    parsed.article !== null &&
    typeof body?.hash === "string" &&
    typeof body.marksPictures === "boolean" &&
    Number.isSafeInteger(body.at) &&
    Number.isSafeInteger(body.length)
  );
}

const openFile = promisify(open);
const readAt = promisify(read);
// Closed when nothing can read from it any more: a preview keeps a cache file's bodies as long as it shows them.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

/** The bodies of one opened cache file. The descriptor stays open: a later build may replace the file, never what was opened. */
class BodyFile {
  constructor(
    readonly file: string,
    private readonly fd: number,
    /** Where the bodies start. */
    private readonly start: number,
    private readonly length: number,
  ) {
    closer.register(this, fd);
  }

  body(hash: string, marksPictures: boolean, at: number, length: number): BodyHtml {
    return new StoredHtml(this, hash, marksPictures, at, length);
  }

  bytes(at: number, length: number): Buffer {
    if (at < 0 || at + length > this.length) throw new DamagedCache(this.file);
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(this.fd, buffer, done, length - done, this.start + at + done);
        if (n === 0) throw new DamagedCache(this.file);
        done += n;
      }
    } catch (error) {
      throw error instanceof DamagedCache ? error : new DamagedCache(this.file);
    }
    return buffer;
  }
}

class StoredHtml implements BodyHtml {
  constructor(
    private readonly from: BodyFile,
    readonly hash: string,
    readonly marksPictures: boolean,
    private readonly at: number,
    private readonly length: number,
  ) {}
  read(): string {
    const bytes = this.from.bytes(this.at, this.length);
    if (htmlHash(bytes) !== this.hash) throw new DamagedCache(this.from.file);
    return bytes.toString("utf8");
  }
  toJSON(): string {
    return this.hash;
  }
}

/** Read `length` bytes at `position`, or fewer at the end of the file. */
async function readBytes(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readAt(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/** Read the index, on the thread pool; the bodies stay in the file until asked for. */
export async function readCache(file: string, version: string, secret: Buffer): Promise<CacheRead> {
  if (!existsSync(file)) return { entries: EMPTY, ignored: undefined };
  try {
    return await readIndex(file, version, secret);
  } catch (error) {
    // A folder where the file should be, a read that fails: a cache is never a reason not to build.
    return { entries: EMPTY, ignored: `unreadable: ${(error as Error).message}` };
  }
}

async function readIndex(file: string, version: string, secret: Buffer): Promise<CacheRead> {
  const ignore = (why: string): CacheRead => ({ entries: EMPTY, ignored: why });
  let fd: number;
  try {
    fd = await openFile(file, "r");
  } catch (error) {
    return ignore(`unreadable: ${(error as Error).message}`);
  }
  let used = false;
  try {
    const head = await readBytes(fd, 0, 4096);
    if (head.subarray(0, MAGIC.length).toString("latin1") !== MAGIC) return ignore("not a cache file");
    const end = head.indexOf(10, MAGIC.length);
    if (end < 0) return ignore("no header");
    let header: Header;
    try {
      header = JSON.parse(head.subarray(MAGIC.length, end).toString("utf8")) as Header;
    } catch {
      return ignore("header is not JSON");
    }
    if (header.version !== version) return ignore("written by another version of the pipeline");
    if (header.node !== process.versions.v8) return ignore("written by another Node");
    if (!Number.isSafeInteger(header.index) || !Number.isSafeInteger(header.bodies)) return ignore("header is malformed");
    const indexStart = end + 1;
    // One byte more than the file should hold: a longer file is as wrong as a shorter one.
    const index = await readBytes(fd, indexStart, header.index);
    const size = indexStart + header.index + header.bodies;
    if (index.length !== header.index || (await readBytes(fd, size - 1, 2)).length !== 1) return ignore("truncated");
    if (!sealMatches(header.mac, sealOf(secret, header, index))) {
      warnForged(`The article cache \`${file}\``);
      return ignore("not sealed with this machine's cache key");
    }
    let value: unknown;
    try {
      value = deserialize(index);
    } catch {
      return ignore("index does not deserialize");
    }
    if (!Array.isArray(value)) return ignore("index is not a list");
    if (!(value as unknown[]).every(isIndexEntry)) return ignore("malformed entry");
    // Made only for a file that is used: from here on, its finalizer closes the descriptor.
    const bodies = new BodyFile(file, fd, indexStart + header.index, header.bodies);
    used = true;
    const entries = new Map<string, ParsedArticle>();
    for (const [key, { article, diagnostics, pictures }, body] of value as IndexEntry[]) {
      entries.set(
        key,
        article === undefined || body === undefined
          ? withPictures({ article: undefined, diagnostics }, pictures)
          : { article: { ...article, body: { ...article.body, html: bodies.body(body.hash, body.marksPictures, body.at, body.length) } }, diagnostics },
      );
    }
    return { entries, ignored: undefined };
  } finally {
    // Kept open only for the bodies of a file that was used; the finalizer closes it after them.
    if (!used) closeSync(fd);
  }
}

/**
 * Replace the cache file with `entries`, atomically: a reader sees the old
 * file or the new, never half of one. A body that can no longer be read
 * from the old file is left out (its article is parsed again next time).
 */
export async function writeCache(file: string, version: string, secret: Buffer, entries: CacheEntries): Promise<void> {
  const index: IndexEntry[] = [];
  const runs: Buffer[] = [];
  let run: Buffer[] = [];
  let runBytes = 0;
  let at = 0;
  for (const [key, { article, diagnostics, pictures }] of entries) {
    if (article === undefined) {
      index.push([key, withPictures({ article: undefined, diagnostics }, pictures), undefined]);
      continue;
    }
    const { html, ...body } = article.body;
    let bytes: Buffer;
    try {
      bytes = Buffer.from(html.read(), "utf8");
    } catch (error) {
      if (error instanceof DamagedCache) continue;
      throw error;
    }
    index.push([key, { article: { ...article, body }, diagnostics }, { hash: html.hash, marksPictures: html.marksPictures, at, length: bytes.length }]);
    at += bytes.length;
    run.push(bytes);
    runBytes += bytes.length;
    if (runBytes >= WRITE_RUN) {
      runs.push(Buffer.concat(run, runBytes));
      run = [];
      runBytes = 0;
    }
  }
  if (run.length > 0) runs.push(Buffer.concat(run, runBytes));
  const payload = serialize(index);
  const fields = { version, node: process.versions.v8, index: payload.length, bodies: at };
  const header: Header = { ...fields, mac: sealOf(secret, fields, payload).toString("hex") };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await openHandle(temporary, "w");
    try {
      // writeFile writes all of its data, from where the last write ended.
      await handle.writeFile(`${MAGIC}${JSON.stringify(header)}\n`);
      await handle.writeFile(payload);
      for (const bytes of runs) await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    // Nothing half-written is left beside the cache (a full disk, a folder where the file should be).
    await rm(temporary, { force: true });
    throw error;
  }
}
