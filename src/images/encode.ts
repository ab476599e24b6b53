import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cacheBase, cacheUnusable } from "../io/cache-location.ts";
import { cacheSecret, SEAL_BYTES, seal, sealMatches, warnForged } from "../io/cache-seal.mjs";
import { outputFile } from "../io/output-file.ts";
import type { OutputFormat } from "./plan.ts";
import { MAX_PIXELS } from "./probe.ts";

/**
 * Encoding the planned files. Encoding is the slow part of a build (AVIF
 * above all), so each result is kept in a cache folder keyed by a hash of the
 * original's bytes, the width, the format and these settings: a rebuild
 * re-encodes only new or changed pictures. Only pixels are written, turned
 * upright: sharp copies no EXIF, XMP, IPTC or ICC profile unless told to
 * (`withMetadata`, `keepExif`, `keepIccProfile`, never called here), and
 * converts a picture with a colour profile to sRGB first, so its colours
 * stay right without the profile. tests/issues/18-picture-metadata reads
 * every picture published to hold it to that.
 */
export interface ImageJob {
  /** Absolute path of the original. */
  readonly source: string;
  /** Hash of the original's bytes (see probe.ts). */
  readonly hash: string;
  /** Output path from the site root, without a leading slash. */
  readonly to: string;
  readonly width: number;
  readonly format: OutputFormat;
  /** A drawing's dots per inch (probe.ts): drawn at the size planned, then resized. */
  readonly density?: number;
  /** Who made the picture and on what terms, written into the file (XMP): the only metadata a published picture keeps. */
  readonly rights?: PictureRights;
}

export interface PictureRights {
  readonly credit?: string | undefined;
  readonly creator?: string | undefined;
  readonly copyright?: string | undefined;
  readonly license?: string | undefined;
}

/**
 * An XMP packet of the picture's credit, creator, copyright and licence
 * (Dublin Core, Photoshop and XMP Rights, as IPTC's photo metadata maps
 * them), and nothing else: the original's camera, GPS and editing history
 * stay behind, since sharp writes no metadata but this.
 */
export function rightsXmp(rights: PictureRights): string {
  const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const lines = [
    rights.creator === undefined ? "" : `<dc:creator><rdf:Seq><rdf:li>${esc(rights.creator)}</rdf:li></rdf:Seq></dc:creator>`,
    rights.copyright === undefined ? "" : `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${esc(rights.copyright)}</rdf:li></rdf:Alt></dc:rights>`,
    rights.credit === undefined ? "" : `<photoshop:Credit>${esc(rights.credit)}</photoshop:Credit>`,
    rights.copyright === undefined ? "" : "<xmpRights:Marked>True</xmpRights:Marked>",
    rights.license === undefined ? "" : `<xmpRights:WebStatement>${esc(rights.license)}</xmpRights:WebStatement>`,
  ].filter((line) => line !== "");
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">',
    ...lines,
    "</rdf:Description></rdf:RDF></x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** True when `rights` says anything worth writing. */
function hasRights(rights: PictureRights | undefined): rights is PictureRights {
  return rights !== undefined && Object.values(rights).some((v) => v !== undefined);
}

/** Change when an encoder setting changes, so cached files are made again. */
const SETTINGS = {
  avif: { quality: 50, effort: 4 },
  webp: { quality: 74, effort: 4 },
  jpeg: { quality: 76, mozjpeg: true },
  png: { compressionLevel: 9, palette: false },
} as const;
// The seal at the end of each cached file (`write`) is part of its format: files from before it are made again.
const VERSION = createHash("sha256")
  .update(JSON.stringify({ SETTINGS, sealed: 1 }))
  .digest("hex")
  .slice(0, 8);

/**
 * `.cache/images/` in the project (or under `NEWSROOM_CACHE`), shared by every
 * build: entries are keyed by content, so sites never clash. Undefined when
 * caching is off: everything is encoded afresh.
 */
export function imageCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = cacheBase(fileURLToPath(new URL("../..", import.meta.url)), env);
  return base === undefined ? undefined : path.join(base, "images");
}

async function encode(job: ImageJob, xmp: string | undefined): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  // From its bytes, never its path: a drawing read from a file may load other files beside it.
  const input = { failOn: "error", limitInputPixels: MAX_PIXELS, ...(job.density === undefined ? {} : { density: job.density }) } as const;
  const resized = sharp(await readFile(job.source), input)
    .rotate()
    .resize({ width: job.width, withoutEnlargement: true });
  const image = xmp === undefined ? resized : resized.withXmp(xmp);
  switch (job.format) {
    case "avif":
      return image.avif(SETTINGS.avif).toBuffer();
    case "webp":
      return image.webp(SETTINGS.webp).toBuffer();
    case "jpeg":
      return image.flatten({ background: "#ffffff" }).jpeg(SETTINGS.jpeg).toBuffer();
    case "png":
      return image.png(SETTINGS.png).toBuffer();
  }
}

/**
 * Write `job`'s file to `to`, from the cache when it holds a sealed copy,
 * else encoded now and kept (written whole, then renamed, so a killed build
 * leaves no half file). A cached file ends with its seal (cache-seal.mjs)
 * over its name and bytes: a picture put in the cache by anyone without the
 * key, or another job's picture under this name, is encoded again instead.
 * A cache that cannot be read or written is said once, and the picture
 * encoded all the same.
 */
async function write(job: ImageJob, to: string, cacheDir: string | undefined): Promise<void> {
  const xmp = hasRights(job.rights) ? rightsXmp(job.rights) : undefined;
  const secret = cacheDir === undefined ? undefined : cacheSecret();
  if (cacheDir === undefined || secret === undefined) {
    await writeFile(to, await encode(job, xmp));
    return;
  }
  const drawn = job.density === undefined ? "" : `-${job.density}dpi`;
  const credited = xmp === undefined ? "" : `-${createHash("sha256").update(xmp).digest("hex").slice(0, 12)}`;
  const name = `${job.hash}-${job.width}${drawn}${credited}-${VERSION}.${job.format}`;
  const file = path.join(cacheDir, name);
  const kept = await readFile(file).catch(() => undefined);
  if (kept !== undefined && kept.length > SEAL_BYTES) {
    const bytes = kept.subarray(0, kept.length - SEAL_BYTES);
    if (sealMatches(kept.subarray(bytes.length), seal(secret, "image", name, bytes))) {
      await writeFile(to, bytes);
      return;
    }
  }
  if (kept !== undefined) warnForged(`The cached picture \`${file}\``);
  const bytes = await encode(job, xmp);
  await writeFile(to, bytes);
  const partial = `${file}.${process.pid}.partial`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(partial, Buffer.concat([bytes, seal(secret, "image", name, bytes)]));
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    cacheUnusable(file, error);
  }
}

/** Write every job's file under `outDir`, a few at a time. */
export async function writeImages(outDir: string, jobs: readonly ImageJob[], cacheDir = imageCacheDir()): Promise<void> {
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const to = outputFile(outDir, job.to);
      await mkdir(path.dirname(to), { recursive: true });
      await write(job, to, cacheDir);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
}
