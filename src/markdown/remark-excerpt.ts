import type { Root } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

declare module "vfile" {
  interface DataMap {
    /** Plain text of the body's first paragraph, before any dateline is added. */
    firstParagraph: string;
    /** Plain text of the whole body (for relating articles and search). */
    plainText: string;
  }
}

/**
 * Record the body as plain text, and its first paragraph: the summary of
 * articles that give none. Block boundaries become line breaks, so words of
 * two paragraphs never run together.
 */
export default function remarkExcerpt() {
  return (tree: Root, file: VFile): void => {
    const first = tree.children.find((node) => node.type === "paragraph");
    if (first) file.data.firstParagraph = plainText(first, { includeHtml: false }).replace(/\s+/g, " ").trim();
    const blocks: string[] = [];
    visit(tree, (node) => {
      if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell" || node.type === "code") {
        blocks.push(plainText(node, { includeHtml: false }));
        return SKIP;
      }
      return undefined;
    });
    file.data.plainText = blocks.join("\n");
  };
}
