import path from "node:path";
import { safeFilePath } from "../content/address.ts";
import type { ImageJob } from "./encode.ts";
import { planImage } from "./plan.ts";
import { type PictureView, plainPicture, rasterPicture } from "./picture.ts";
import { probeImage } from "./probe.ts";

/** An article's folder, as find-files saw it: where its pictures are, and which files are there. */
export interface Bundle {
  /** Absolute; undefined for a `<slug>.md` article, which has no pictures of its own. */
  readonly dir: string | undefined;
  /** Files beside `index.md`, relative, `/`-separated. */
  readonly assets: readonly string[];
  /** The article's address, `/section/slug/`, where its pictures are published. */
  readonly url: string;
}

export type Resolved =
  | { readonly ok: true; readonly picture: PictureView; readonly jobs: readonly ImageJob[] }
  | { readonly ok: false; readonly rule: "image-missing" }
  | { readonly ok: false; readonly rule: "image-unreadable"; readonly reason: string };

/** `photo.jpg`, `./photos/a%20b.jpg` → the asset name; undefined when it leaves the folder. */
function assetName(src: string): string | undefined {
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    // A stray `%` is part of the name.
  }
  const name = path.posix.normalize(decoded);
  return name.startsWith("../") || name === ".." || name.startsWith("/") ? undefined : name;
}

/**
 * A picture beside the article: checked against the files there, read for
 * its size, and planned into resized files. `prefix` starts every URL; the
 * site passes nothing, as the page sits in the same folder as its pictures
 * and relative addresses are the shortest.
 */
export function resolveLocalImage(src: string, bundle: Bundle, prefix: string, lead: boolean): Resolved {
  const name = assetName(src);
  if (bundle.dir === undefined || name === undefined || !bundle.assets.includes(name)) return { ok: false, rule: "image-missing" };
  const source = path.join(bundle.dir, ...name.split("/"));
  const probed = probeImage(source);
  switch (probed.kind) {
    case "unreadable":
      return { ok: false, rule: "image-unreadable", reason: probed.reason };
    case "svg":
      return { ok: true, picture: plainPicture(`${prefix}${encodeURI(safeFilePath(name))}`, probed, lead), jobs: [] };
    case "raster": {
      const plan = planImage(name, probed);
      const variants = [...plan.sources.flatMap((s) => s.variants), ...plan.fallback.variants];
      const jobs = variants.map((v) => ({
        source,
        hash: probed.hash,
        to: `${bundle.url.slice(1)}${v.file}`,
        width: v.width,
        format: v.format,
      }));
      return { ok: true, picture: rasterPicture(plan, prefix, lead), jobs };
    }
  }
}
