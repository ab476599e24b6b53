import path from "node:path";
import type { ImageJob, PictureRights } from "./encode.ts";
import type { PictureView } from "./picture.ts";
import { rasterPicture } from "./picture.ts";
import { planImage } from "./plan.ts";
import type { Probed } from "./probe.ts";
import type { PictureFormat } from "./sniff.ts";

/** An article's folder, as find-files saw it: where its pictures are, and which files are there. */
export interface Bundle {
  /** Absolute; undefined for a `<slug>.md` article, which has no pictures of its own. */
  readonly dir: string | undefined;
  /** Files beside `index.md`, relative, `/`-separated. */
  readonly assets: readonly string[];
  /** The article's address, `/section/slug/`, where its pictures are published. */
  readonly url: string;
  /** The probe of each picture the article uses, by asset name, made while it was loaded (article-pictures.ts). */
  readonly pictures: ReadonlyMap<string, Probed>;
}

export type Resolved =
  | {
      readonly ok: true;
      readonly picture: PictureView;
      readonly jobs: readonly ImageJob[];
      /** The widest fallback file (JPEG or PNG), from the site root: the picture a page shares (`og:image`). */
      readonly shared: string;
    }
  | { readonly ok: false; readonly rule: "image-missing" }
  | { readonly ok: false; readonly rule: "image-unreadable"; readonly reason: string }
  | { readonly ok: false; readonly rule: "image-type-mismatch"; readonly format: PictureFormat; readonly extension: string | undefined };

/** `photo.jpg`, `./photos/a%20b.jpg` → the asset name; undefined when it leaves the folder. */
export function assetName(src: string): string | undefined {
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    // A stray `%` is part of the name.
  }
  const name = path.posix.normalize(decoded);
  return name.startsWith("../") || name === ".." || name.startsWith("/") ? undefined : name;
}

/** The file of the bundle `src` names, if it is there. */
export function bundleFile(src: string, bundle: Pick<Bundle, "dir" | "assets">): { readonly name: string; readonly file: string } | undefined {
  const name = assetName(src);
  if (bundle.dir === undefined || name === undefined || !bundle.assets.includes(name)) return undefined;
  return { name, file: path.join(bundle.dir, ...name.split("/")) };
}

/**
 * A picture beside the article: checked against the files there and its
 * probe, and planned into resized files. Every picture, drawings included,
 * is published only as files we encode (encode.ts): never its own bytes.
 * `prefix` starts every URL; the site passes nothing, as the page sits in
 * the same folder as its pictures and relative addresses are the shortest.
 */
export function resolveLocalImage(src: string, bundle: Bundle, prefix: string, lead: boolean): Resolved {
  const found = bundleFile(src, bundle);
  if (found === undefined) return { ok: false, rule: "image-missing" };
  const probed = bundle.pictures.get(found.name);
  if (probed === undefined) throw new Error(`internal: \`${found.name}\` was not probed when its article was loaded`);
  switch (probed.kind) {
    case "unreadable":
      return { ok: false, rule: "image-unreadable", reason: probed.reason };
    case "mismatch":
      return { ok: false, rule: "image-type-mismatch", format: probed.format, extension: probed.extension };
    case "raster": {
      const jobs = pictureJobs(found, probed, bundle.url);
      const plan = planImage(found.name, probed);
      const widest = plan.fallback.variants.at(-1) ?? plan.fallback.src;
      return { ok: true, picture: rasterPicture(plan, prefix, lead), jobs, shared: `${bundle.url}${encodeURI(widest.file)}` };
    }
  }
}

/** The files one picture of the article at `url` is encoded into (encode.ts). */
export function pictureJobs(
  found: { readonly name: string; readonly file: string },
  probed: Extract<Probed, { kind: "raster" }>,
  url: string,
  rights?: PictureRights,
): ImageJob[] {
  const plan = planImage(found.name, probed);
  const variants = [...plan.sources.flatMap((s) => s.variants), ...plan.fallback.variants];
  return variants.map((v) => ({
    source: found.file,
    hash: probed.hash,
    to: `${url.slice(1)}${v.file}`,
    width: v.width,
    format: v.format,
    ...(probed.density === undefined ? {} : { density: probed.density }),
    ...(rights === undefined ? {} : { rights }),
  }));
}

/** A lead picture beside the article (not a full URL, not a path under the site): read from disk. */
export function ownPicture(src: string): boolean {
  return !/^https?:\/\//i.test(src) && !src.startsWith("/");
}
