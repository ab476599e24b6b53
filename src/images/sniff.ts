import { FORMAT_NAME, type PictureFormat } from "../text/picture-names.ts";

export { FORMAT_NAME, type PictureFormat };

/*
 * A picture's real format, from its first bytes, whatever its name says.
 * Only the formats we decode and re-encode are recognised; anything else
 * (HTML, a script, a HEIF photo, a PDF) is not a picture to us.
 */

/** The names a picture of each format may have: its real format and its extension agree, or it is refused. */
export const EXTENSION_FORMAT: Readonly<Record<string, PictureFormat>> = {
  jpg: "jpeg",
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  gif: "gif",
  avif: "avif",
  tif: "tiff",
  tiff: "tiff",
  svg: "svg",
};

const ascii = (bytes: Uint8Array, from: number, to: number): string => Buffer.from(bytes.subarray(from, to)).toString("latin1");

/**
 * An SVG document: its root `<svg` after what may come first (a byte order
 * mark, the XML declaration, comments, processing instructions, a doctype
 * with its internal subset).
 */
const SVG_ROOT = /^(?:\uFEFF)?(?:\s+|<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)*<svg[\s>/]/i;

/** ISO base media file brands (the `ftyp` box) that mean AVIF. */
const AVIF_BRANDS = new Set(["avif", "avis"]);

export function sniffFormat(bytes: Uint8Array): PictureFormat | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (ascii(bytes, 0, 4) === "II*\0" || ascii(bytes, 0, 4) === "MM\0*") return "tiff";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const size = Math.min(bytes.length, Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0));
    // The major brand, then the compatible brands after the minor version.
    const brands = [ascii(bytes, 8, 12), ...Array.from({ length: Math.max(0, (size - 16) / 4) }, (_, i) => ascii(bytes, 16 + 4 * i, 20 + 4 * i))];
    return brands.some((brand) => AVIF_BRANDS.has(brand)) ? "avif" : undefined;
  }
  // UTF-8 text only: a drawing in UTF-16 or compressed (`.svgz`) is not one we publish.
  return SVG_ROOT.test(Buffer.from(bytes.subarray(0, 16384)).toString("utf8")) ? "svg" : undefined;
}
