import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";

declare module "vfile" {
  interface DataMap {
    /** Plain text of the body's first paragraph, before any dateline is added. */
    firstParagraph: string;
  }
}

/** Record the first paragraph's text, the summary of articles that give none. */
export default function remarkExcerpt() {
  return (tree: Root, file: VFile): void => {
    const first = tree.children.find((node) => node.type === "paragraph");
    if (first) file.data.firstParagraph = toString(first, { includeHtml: false }).replace(/\s+/g, " ").trim();
  };
}
