import { createHash } from "node:crypto";
import { slugify } from "./slug.ts";

/**
 * Every folder and file name the site writes is made here, so that links and
 * files always agree. A name (a tag, author, outlet or section; an article's
 * slug; a picture's stem) becomes one path segment that every file system
 * accepts and that Windows can check out:
 *
 * - at most 255 bytes of UTF-8 (Linux and macOS count bytes, Windows UTF-16
 *   units, never more): a longer one is cut at a character, then `_` and a
 *   hash of the whole name, so two long names sharing a beginning stay apart;
 * - never a name Windows reserves (`con`, `nul`, `com1`, …): `con_`;
 * - a name with no letter or digit (`—`, `...`) gets `x_` and a hash, not an
 *   empty segment (which would be the list's own index).
 *
 * `slugify` never writes `_`, so none of these can meet another name's address.
 */
export const SEGMENT_BYTES = 255;

export type AddressChange = "reserved" | "shortened" | "no-letters";

export interface Address {
  readonly segment: string;
  /** Why the segment is not the plain slug; undefined when it is. */
  readonly change: AddressChange | undefined;
}

/** Device names: Windows opens the device for them, with any extension, in any case. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether Windows reserves `name` as a file or folder name (`CON`, `nul.txt`, `com1 .`). */
export function isWindowsReserved(name: string): boolean {
  const stem = name.replace(/[. ]+$/, "").split(".")[0] ?? "";
  return RESERVED.test(stem.trimEnd());
}

/**
 * A file or folder name copied from the content folder (a bundle's picture),
 * safe on Windows: `aux.png` → `aux_.png`. Other names are kept as they are,
 * so that the editor's own links to them still work.
 */
export function safeFileName(name: string): string {
  if (!isWindowsReserved(name)) return name;
  const dot = name.indexOf(".");
  return dot === -1 ? `${name}_` : `${name.slice(0, dot)}_${name.slice(dot)}`;
}

/** `safeFileName` of each segment of a `/`-separated relative path. */
export function safeFilePath(relative: string): string {
  return relative.split("/").map(safeFileName).join("/");
}

const hashOf = (value: string, length = 10): string => createHash("sha256").update(value).digest("hex").slice(0, length);

/** The longest beginning of `value` within `bytes` bytes, cut between characters and never before a combining mark. */
export function cutToBytes(value: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char, "utf8");
    if (used + size > bytes) break;
    used += size;
    end += char.length;
  }
  // A letter without its marks would be another letter: keep the marks' base out too.
  while (end > 0 && end < value.length && /\p{M}/u.test(String.fromCodePoint(value.codePointAt(end) ?? 0))) {
    const before = value.codePointAt(end - 1) ?? 0;
    end -= before > 0xffff ? 2 : 1;
  }
  return value.slice(0, end);
}

/**
 * `slug` as a segment of at most `bytes` bytes. `source` names what is
 * hashed when the slug is empty (the name as written).
 */
export function safeSegment(slug: string, source = slug, bytes = SEGMENT_BYTES): Address {
  if (slug === "") return { segment: `x_${hashOf(source.normalize("NFC").trim())}`, change: "no-letters" };
  if (Buffer.byteLength(slug, "utf8") > bytes) {
    const tail = `_${hashOf(slug)}`;
    const head = cutToBytes(slug, bytes - tail.length).replace(/-+$/, "");
    return { segment: `${head}${tail}`, change: "shortened" };
  }
  if (isWindowsReserved(slug)) return { segment: `${slug}_`, change: "reserved" };
  return { segment: slug, change: undefined };
}

/** A name's address: its slug, made safe as a path segment. Memoised: a few hundred names are met hundreds of thousands of times. */
export function addressOf(name: string): Address {
  let address = memo.get(name);
  if (address === undefined) {
    address = safeSegment(slugify(name), name);
    if (memo.size > 100_000) memo.clear();
    memo.set(name, address);
  }
  return address;
}
const memo = new Map<string, Address>();
