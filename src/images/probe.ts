import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { imageSize } from "image-size";

/**
 * What the pages need to know of a picture before any pixel is encoded: its
 * displayed size (after EXIF rotation) and a hash of its bytes, which names
 * the resized files. Read synchronously while the Markdown is rendered, and
 * remembered per file version, so a picture used twice is read once.
 */
export type Probed =
  | { readonly kind: "raster"; readonly format: RasterFormat; readonly width: number; readonly height: number; readonly hash: string }
  | { readonly kind: "svg"; readonly width: number | undefined; readonly height: number | undefined }
  | { readonly kind: "unreadable"; readonly reason: string };

export type RasterFormat = "jpeg" | "png" | "webp" | "gif" | "avif" | "tiff";

const RASTER: Record<string, RasterFormat> = { jpg: "jpeg", png: "png", webp: "webp", gif: "gif", avif: "avif", tiff: "tiff" };

const memo = new Map<string, Probed>();

export function probeImage(file: string): Probed {
  const stat = statSync(file);
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const probed = probeBytes(readFileSync(file));
  memo.set(key, probed);
  return probed;
}

export function probeBytes(bytes: Uint8Array): Probed {
  const svg = svgSize(bytes);
  if (svg !== undefined) return svg;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    return { kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  const format = size.type === undefined ? undefined : RASTER[size.type];
  if (format === undefined) return { kind: "unreadable", reason: `${size.type ?? "unknown"} pictures are not published; use JPEG, PNG, WebP or AVIF` };
  if (!size.width || !size.height) return { kind: "unreadable", reason: "it has no width or height" };
  // EXIF orientations 5 to 8 turn the picture a quarter: the reader sees it the other way round.
  const turned = size.orientation !== undefined && size.orientation >= 5;
  return {
    kind: "raster",
    format,
    width: turned ? size.height : size.width,
    height: turned ? size.width : size.height,
    hash: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** An SVG's size from its root element's `width`/`height`, else its `viewBox`. */
function svgSize(bytes: Uint8Array): Probed | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("utf8");
  const root = /<svg\b[^>]*>/i.exec(head.replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, ""));
  if (root === null) return undefined;
  const attribute = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(root[0])?.[1];
  const pixels = (value: string | undefined): number | undefined => {
    const m = value === undefined ? null : /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(value);
    return m === null ? undefined : Math.round(Number(m[1]));
  };
  let width = pixels(attribute("width"));
  let height = pixels(attribute("height"));
  const box = attribute("viewBox")?.trim().split(/[\s,]+/).map(Number);
  if ((width === undefined || height === undefined) && box?.length === 4 && box.every(Number.isFinite)) {
    width = Math.round(box[2] ?? 0) || undefined;
    height = Math.round(box[3] ?? 0) || undefined;
  }
  return { kind: "svg", width, height };
}
