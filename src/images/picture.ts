import { type ImagePlan, type ImageVariant, MIME } from "./plan.ts";

/**
 * One description of a `<picture>`, the lead picture's or one in the body,
 * made HTML by picture-html.ts.
 */
export interface PictureView {
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  readonly img: {
    readonly src: string;
    readonly srcset: string | undefined;
    readonly sizes: string | undefined;
    readonly width: number | undefined;
    readonly height: number | undefined;
    /** The lead picture loads at once; pictures further down when the reader nears them. */
    readonly loading: "eager" | "lazy";
    readonly fetchpriority: "high" | undefined;
  };
}

/** The article column: the whole width on a phone (less the gutters), at most 42rem beside the sidebar. */
export const ARTICLE_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

const srcset = (prefix: string, variants: readonly ImageVariant[]): string => variants.map((v) => `${prefix}${encodeURI(v.file)} ${v.width}w`).join(", ");

export function rasterPicture(plan: ImagePlan, prefix: string, lead: boolean): PictureView {
  return {
    sources: plan.sources.map((s) => ({ type: MIME[s.format], srcset: srcset(prefix, s.variants) })),
    img: {
      src: `${prefix}${encodeURI(plan.fallback.src.file)}`,
      srcset: srcset(prefix, plan.fallback.variants),
      sizes: ARTICLE_SIZES,
      width: plan.width,
      height: plan.height,
      loading: lead ? "eager" : "lazy",
      fetchpriority: lead ? "high" : undefined,
    },
  };
}

/** A picture we do not resize (SVG, or one from elsewhere): its own address, with its size when known. */
export function plainPicture(src: string, size: { width: number | undefined; height: number | undefined } | undefined, lead: boolean): PictureView {
  return {
    sources: [],
    img: {
      src,
      srcset: undefined,
      sizes: undefined,
      width: size?.width,
      height: size?.height,
      loading: lead ? "eager" : "lazy",
      fetchpriority: undefined,
    },
  };
}
