import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import { isGone } from "../io/vanished.ts";
import type { ArticleFile } from "./find-files.ts";

/**
 * Reading an article file's text. Apart from parsing (load-article.ts):
 * a warm build reads every file but parses none, and need not load the
 * Markdown pipeline at all (a noticeable share of its start-up).
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The problem with bytes that are not UTF-8, at the offset of the first bad sequence. */
function notUtf8(file: ArticleFile, bytes: Uint8Array): Diagnostic {
  // A lenient decode marks the first bad sequence with U+FFFD; the bytes
  // before it re-encode to the same length, which gives its offset.
  const loose = new TextDecoder("utf-8").decode(bytes);
  const index = loose.indexOf("\uFFFD");
  return diagnose("file-encoding", file.display, START, { offset: Buffer.byteLength(loose.slice(0, Math.max(0, index)), "utf8") });
}

/**
 * The file's text, or the diagnostic for bytes that are not UTF-8.
 * Synchronous, into one buffer reused from file to file: a build reads
 * thousands of these with nothing else to do, and promises, even a few
 * dozen at a time, took longer than reading one file after another, while
 * a fresh buffer per file left them all for the garbage collector at the
 * build's peak.
 */
export function readArticleSource(file: ArticleFile): { source: string } | { diagnostic: Diagnostic } {
  const bytes = readWhole(file.absolute);
  if (bytes === undefined) return { diagnostic: vanished(file) };
  return isUtf8(bytes) ? { source: decodeSource(bytes) } : { diagnostic: notUtf8(file, bytes) };
}

/**
 * `readArticleSource`, but the bytes, kept off the JavaScript heap in blocks
 * shared by many files: a warm build needs an article's text only to hash
 * it, and an archive's texts kept as strings were copied by every
 * young-generation collection of the load (docs/performance.md). `decodeSource` makes the text
 * when it is wanted.
 */
export function readArticleBytes(file: ArticleFile): { bytes: Uint8Array } | { diagnostic: Diagnostic } {
  const bytes = readWhole(file.absolute);
  if (bytes === undefined) return { diagnostic: vanished(file) };
  return isUtf8(bytes) ? { bytes: keep(bytes) } : { diagnostic: notUtf8(file, bytes) };
}

/** The text of UTF-8 bytes, without a leading byte order mark. */
export function decodeSource(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

const BLOCK = 1 << 22;
let block = Buffer.allocUnsafe(0);
let used = 0;

/** A copy of `bytes` in the current block (a new one when full). */
function keep(bytes: Uint8Array): Uint8Array {
  if (bytes.length > BLOCK / 4) return Uint8Array.prototype.slice.call(bytes);
  if (block.length - used < bytes.length) {
    block = Buffer.allocUnsafe(BLOCK);
    used = 0;
  }
  const copy = block.subarray(used, used + bytes.length);
  copy.set(bytes);
  used += bytes.length;
  return copy;
}

let scratch = Buffer.alloc(1 << 16);

/** A file listed when the build began, gone when it was read. */
const vanished = (file: ArticleFile): Diagnostic => diagnose("file-vanished", file.display, START, { what: `\`${file.display}\`` });

/** The bytes of `file`, in `scratch` (valid until the next call); undefined when it is gone. */
function readWhole(file: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
  try {
    let size = fstatSync(fd).size;
    let length = 0;
    for (;;) {
      // One byte more than the size, to see a file that grew since fstat.
      if (scratch.length < size + 1) scratch = Buffer.alloc(Math.max(size + 1, scratch.length * 2));
      const read = readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) break;
      length += read;
      size = Math.max(size, length);
    }
    return scratch.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
