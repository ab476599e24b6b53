import type { CardPicture as Picture } from "../../src/site/view.ts";

/** How wide a front shows each kind of picture, for the browser's pick among the resized files (public/css/site.css). */
export const PICTURE_SIZES = {
  lead: "(min-width: 72rem) 42rem, (min-width: 64rem) 60vw, calc(100vw - 2rem)",
  featured: "(min-width: 64rem) 16rem, (min-width: 40rem) 45vw, 7rem",
  thumb: "7rem",
} as const;

export type PictureKind = keyof typeof PICTURE_SIZES;

/**
 * An article's main picture on a front or a list: the files made for its
 * page, with its size (the box is kept while it loads) and the `sizes` of
 * where it is shown. Only the lead loads at once; a thumbnail beside a
 * headline says nothing the headline does not, so its alt is empty.
 */
export function CardPicture({ picture, kind }: { picture: Picture; kind: PictureKind }) {
  // A thumbnail is small on every screen: the narrowest file of each format is enough, and keeps long lists light.
  const thumb = kind === "thumb";
  const set = (srcset: string): string => (thumb ? (srcset.split(", ")[0] ?? srcset) : srcset);
  const sizes = picture.srcset === undefined ? undefined : PICTURE_SIZES[kind];
  const lead = kind === "lead";
  return (
    <picture class={`card-picture card-picture-${kind}`}>
      {picture.sources.map((s) => (
        <source type={s.type} srcset={set(s.srcset)} sizes={sizes} />
      ))}
      <img
        src={picture.src}
        srcset={picture.srcset === undefined ? undefined : set(picture.srcset)}
        sizes={sizes}
        width={picture.width}
        height={picture.height}
        alt={kind === "thumb" ? "" : picture.alt}
        loading={lead ? "eager" : "lazy"}
        decoding={lead ? undefined : "async"}
        fetchpriority={lead ? "high" : undefined}
      />
    </picture>
  );
}
