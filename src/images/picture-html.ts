import type { PictureView } from "./picture.ts";

const escapeAttribute = (value: string): string => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The inside of a `<picture>`: its `<source>`s and `<img>`, every value
 * escaped. `alt` and `title` are plain text.
 */
export function pictureInnerHtml(view: PictureView, alt: string, title?: string): string {
  const attributes = (pairs: [string, string | number | undefined][]): string =>
    pairs.flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeAttribute(String(value))}"`])).join("");
  const sources = view.sources.map(
    (s) =>
      `<source${attributes([
        ["type", s.type],
        ["srcset", s.srcset],
        ["sizes", view.img.sizes],
      ])}>`,
  );
  const { img } = view;
  const image = `<img${attributes([
    ["src", img.src],
    ["srcset", img.srcset],
    ["sizes", img.sizes],
    ["width", img.width],
    ["height", img.height],
    ["alt", alt],
    ["title", title],
    ["loading", img.loading],
    ["decoding", img.loading === "lazy" ? "async" : undefined],
    ["fetchpriority", img.fetchpriority],
  ])}>`;
  return `${sources.join("")}${image}`;
}
