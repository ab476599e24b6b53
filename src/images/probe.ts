import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { EXTENSION_FORMAT, FORMAT_NAME, type PictureFormat, sniffFormat } from "./sniff.ts";

/**
 * What the pages need to know of a picture before any pixel is encoded, and
 * the proof that it can be encoded: its displayed size (after EXIF
 * rotation), a hash of its bytes (which names the resized files), and a
 * decode of all of its pixels at a tiny size. Done while the site is loaded,
 * so a picture that would break the encoder (a decompression bomb, a
 * truncated file, a header that lies) is a positioned error before anything
 * is rendered, never an internal error after. Remembered per file version,
 * so a picture used twice, or unchanged between two previews, is read once.
 */
export type Probed =
  | {
      readonly kind: "raster";
      readonly format: PictureFormat;
      /** Displayed size: what is resized, and the page's `width` and `height`. */
      readonly width: number;
      readonly height: number;
      readonly hash: string;
      /** For a drawing (SVG): the dots per inch it is drawn at, so that it comes out `width` pixels wide. */
      readonly density?: number;
    }
  | { readonly kind: "unreadable"; readonly reason: string }
  | { readonly kind: "mismatch"; readonly format: PictureFormat; readonly extension: string | undefined };

/**
 * Larger pictures are refused: no camera makes them, and decoding one takes
 * gigabytes (a PNG of 20,000 × 20,000 packs into 50 KB). Encoders are given
 * the same bound (encode.ts), so nothing the probe let through can exceed it.
 */
export const MAX_PIXELS = 50_000_000;
/** A drawing is drawn this wide: the widest file planned (plan.ts), sharp at every width published. */
export const DRAWING_WIDTH = 1600;
/** sharp's largest `density`. */
const MAX_DENSITY = 100_000;

const memo = new Map<string, Promise<Probed>>();

/**
 * Probes kept from earlier builds (src/load/probe-store.ts), by `probeKey`:
 * a picture unchanged since is not decoded again.
 */
export interface KnownProbes {
  get(key: string): Probed | undefined;
  set(key: string, probed: Probed): void;
}

/** What a probe depends on: the picture's bytes, and the extension of the name it is given. */
export function probeKey(bytes: Uint8Array, name: string): string {
  return `${createHash("sha256").update(bytes).digest("hex")}\0${path.posix.extname(name).toLowerCase()}`;
}

/** `file`'s probe (`name` is how the article names it: its extension must agree with its bytes). */
export async function probeImage(file: string, name: string, known?: KnownProbes): Promise<Probed> {
  const { size, mtimeMs } = await stat(file);
  const key = `${file}\0${name}\0${size}\0${mtimeMs}`;
  let probed = memo.get(key);
  if (probed === undefined) {
    probed = readFile(file).then(async (bytes) => {
      const byBytes = probeKey(bytes, name);
      const kept = known?.get(byBytes);
      if (kept !== undefined) return kept;
      const made = await probeBytes(bytes, name);
      known?.set(byBytes, made);
      return made;
    });
    memo.set(key, probed);
  }
  return probed;
}

const megapixels = (width: number, height: number): Probed => ({
  kind: "unreadable",
  reason: `it is ${width} × ${height} pixels, more than the ${MAX_PIXELS / 1_000_000} megapixels a picture may have`,
});

export async function probeBytes(bytes: Buffer, name: string): Promise<Probed> {
  const format = sniffFormat(bytes);
  if (format === undefined) return { kind: "unreadable", reason: "it is not a picture file (unsupported file type)" };
  const extension = path.posix.extname(name).slice(1).toLowerCase() || undefined;
  if (extension === undefined || EXTENSION_FORMAT[extension] !== format) return { kind: "mismatch", format, extension };

  const { default: sharp } = await import("sharp");
  let header: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    // The header alone, without the pixel bound, to say how large a picture too large is.
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return cannotDecode(format, error);
  }
  const { width, height } = header;
  if (!width || !height) return { kind: "unreadable", reason: "it has no width or height" };
  if (width * height > MAX_PIXELS) return megapixels(width, height);

  let density: number | undefined;
  let shown = { width, height };
  if (format === "svg") {
    const scale = Math.min(DRAWING_WIDTH / width, MAX_DENSITY / 72);
    density = 72 * scale;
    shown = { width: Math.round(width * scale), height: Math.round(height * scale) };
    if (shown.width * shown.height > MAX_PIXELS) return megapixels(shown.width, shown.height);
  } else if ((header.orientation ?? 1) >= 5) {
    // EXIF orientations 5 to 8 turn the picture a quarter: the reader sees it the other way round.
    shown = { width: height, height: width };
  }
  try {
    // Every pixel decoded (JPEG and WebP decode at a fraction of their size, so a photo costs little):
    // truncated or corrupt data fails here rather than in the encoder.
    await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "error", ...(density === undefined ? {} : { density }) })
      .resize(8, 8, { fit: "fill" })
      .raw()
      .toBuffer();
  } catch (error) {
    return cannotDecode(format, error);
  }
  return {
    kind: "raster",
    format,
    ...shown,
    hash: createHash("sha256").update(bytes).digest("hex"),
    ...(density === undefined ? {} : { density }),
  };
}

function cannotDecode(format: PictureFormat, error: unknown): Probed {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return { kind: "unreadable", reason: `it is larger than the ${MAX_PIXELS / 1_000_000} megapixels a picture may have` };
  // libvips says which decoder failed and why, in one line; the rest of its text is its own trace.
  const first = (message.split("\n")[0] ?? message).replace(/^Input (buffer|file) (has corrupt header|contains unsupported image format):?\s*/i, "").trim();
  return { kind: "unreadable", reason: `it is a damaged ${FORMAT_NAME[format]} file (${first || "it cannot be decoded"})` };
}
