import type { Position } from "../diagnostics/diagnostic.ts";

/** A picture beside the article that a body shows, and where it is written in the article's file. */
export interface LocalPicture {
  readonly src: string;
  readonly position: Position;
}

/** remark-images marks each such `<img>` with its line and column; our sanitized HTML double-quotes attributes and escapes `&` and `"`. */
export const MARKED_PICTURE = /<img((?: [a-z-]+="[^"]*")*) data-line="(\d+)" data-column="(\d+)">/g;
const SRC = / src="([^"]*)"/;

export const decodeAttribute = (value: string): string =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[(named ?? "amp").toLowerCase() as "amp"];
  });

/**
 * The local pictures of a rendered body, for a file whose other errors keep
 * it from the site: its pictures are checked all the same (load-articles.ts).
 * `lineOffset`: lines of the file before the body's first line.
 */
export function localPictures(html: string, lineOffset: number): LocalPicture[] {
  const pictures: LocalPicture[] = [];
  for (const [, attributes = "", line = "1", column = "1"] of html.matchAll(MARKED_PICTURE)) {
    pictures.push({ src: decodeAttribute(SRC.exec(attributes)?.[1] ?? ""), position: { line: Number(line) + lineOffset, column: Number(column) } });
  }
  return pictures;
}
