import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

/**
 * Picture files made byte by byte, for cases an encoder would never write
 * (a header that lies, chunks a camera app adds), and the walk over an
 * output folder that finds every picture published.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A grey PNG of `width`×`height` at `bitDepth` whose compressed pixels are
 * `idat` (by default: every row, all zero, which deflate packs a thousandfold),
 * with `extra` chunks before them.
 */
export function rawPng(width: number, height: number, options: { bitDepth?: 1 | 8; idat?: Buffer; extra?: readonly Buffer[] } = {}): Buffer {
  const bitDepth = options.bitDepth ?? 8;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = 0;
  const row = 1 + Math.ceil((width * bitDepth) / 8);
  const idat = options.idat ?? deflateSync(Buffer.alloc(row * height), { level: 9 });
  return Buffer.concat([SIGNATURE, pngChunk("IHDR", header), ...(options.extra ?? []), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The picture files among `filesUnder(dir)`: by name, and by their first bytes whatever their name. */
export function picturesUnder(dir: string): string[] {
  const named = /\.(avif|webp|jpe?g|png|gif|tiff?|svg|heic|bmp|ico)$/i;
  return filesUnder(dir).filter((rel) => named.test(rel) || looksLikePicture(readFileSync(path.join(dir, rel))));
}

function looksLikePicture(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 16);
  return (
    head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) ||
    head.subarray(0, 8).equals(SIGNATURE) ||
    head.subarray(0, 4).toString("latin1") === "GIF8" ||
    (head.subarray(0, 4).toString("latin1") === "RIFF" && head.subarray(8, 12).toString("latin1") === "WEBP") ||
    head.subarray(4, 8).toString("latin1") === "ftyp" ||
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg/i.test(bytes.subarray(0, 4096).toString("latin1"))
  );
}
