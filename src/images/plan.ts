import path from "node:path";
import { safeFilePath, safeSegment } from "../content/address.ts";
import type { Probed } from "./probe.ts";

/**
 * The files a picture becomes: a few widths (never wider than the original)
 * in AVIF and WebP, and a JPEG (PNG for PNG sources, to keep transparency)
 * for browsers that take neither. Names carry a hash of the original's
 * bytes, so a changed picture gets new addresses and caches never go stale.
 */
export const WIDTHS: readonly number[] = [480, 800, 1200, 1600];
const WIDEST = 1600;
/** The `<img src>` for browsers without `srcset`: the widest at most this. */
const FALLBACK_WIDTH = 800;

export type OutputFormat = "avif" | "webp" | "jpeg" | "png";

export interface ImageVariant {
  /** File name, placed beside the article page. */
  readonly file: string;
  readonly width: number;
  readonly format: OutputFormat;
}

export interface ImagePlan {
  /** Displayed size of the original (after EXIF rotation): the `width` and `height` attributes. */
  readonly width: number;
  readonly height: number;
  /** Modern formats first: the browser takes the first `<source>` it can show. */
  readonly sources: readonly { readonly format: OutputFormat; readonly variants: readonly ImageVariant[] }[];
  readonly fallback: { readonly format: OutputFormat; readonly variants: readonly ImageVariant[]; readonly src: ImageVariant };
}

export const MIME: Record<OutputFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };
const EXTENSION: Record<OutputFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };
/** What a variant adds to its stem, at most: `-<hash10>-<width>.<ext>`. */
const SUFFIX_BYTES = `-${"0".repeat(10)}-${WIDEST}.avif`.length;

export function planImage(name: string, probed: Extract<Probed, { kind: "raster" }>): ImagePlan {
  const widths: number[] = WIDTHS.filter((w) => w < probed.width);
  const widest = Math.min(probed.width, WIDEST);
  if (!widths.includes(widest)) widths.push(widest);
  const stem =
    path.posix
      .basename(name, path.posix.extname(name))
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "image";
  // The whole file name must fit one path segment (address.ts): a long stem is cut, with a hash of it.
  const short = safeSegment(stem, stem, 255 - SUFFIX_BYTES).segment;
  const dir = path.posix.dirname(name) === "." ? "" : `${safeFilePath(path.posix.dirname(name))}/`;
  const variants = (format: OutputFormat): ImageVariant[] =>
    widths.map((width) => ({ file: `${dir}${short}-${probed.hash.slice(0, 10)}-${width}.${EXTENSION[format]}`, width, format }));
  // PNG where the original may be transparent (PNG, GIF, drawings); JPEG for photos.
  const fallbackFormat: OutputFormat = probed.format === "png" || probed.format === "gif" || probed.format === "svg" ? "png" : "jpeg";
  const fallback = variants(fallbackFormat);
  const src = [...fallback].reverse().find((v) => v.width <= FALLBACK_WIDTH) ?? fallback[0];
  if (src === undefined) throw new Error(`internal: no widths planned for \`${name}\``);
  return {
    width: probed.width,
    height: probed.height,
    sources: [
      { format: "avif", variants: variants("avif") },
      { format: "webp", variants: variants("webp") },
    ],
    fallback: { format: fallbackFormat, variants: fallback, src },
  };
}
