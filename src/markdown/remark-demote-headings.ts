import type { Heading, Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * The headline is the page's only `h1` (one `h1` per page, for screen-reader
 * users and search engines). A body that uses `#` headings is shifted down a
 * level as a whole, so its own hierarchy is kept.
 */
export default function remarkDemoteHeadings() {
  return (tree: Root): void => {
    const headings: Heading[] = [];
    visit(tree, "heading", (node) => {
      headings.push(node);
    });
    if (!headings.some((h) => h.depth === 1)) return;
    for (const heading of headings) {
      heading.depth = Math.min(6, heading.depth + 1) as Heading["depth"];
    }
  };
}
