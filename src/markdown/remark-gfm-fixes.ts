import type { Root } from "mdast";
import { visit } from "unist-util-visit";

/**
 * Mend two things GFM's HTML gets wrong for us:
 * - table cells carry the obsolete `align=` attribute (invalid in HTML5):
 *   emit a class instead, which the stylesheet aligns;
 * - task-list checkboxes are unlabelled form controls (an accessibility
 *   failure): show the state as a glyph in the text instead.
 */
export default function remarkGfmFixes() {
  return (tree: Root): void => {
    visit(tree, "table", (table) => {
      const align = table.align ?? [];
      for (const row of table.children) {
        row.children.forEach((cell, index) => {
          const a = align[index];
          if (a) cell.data = { ...cell.data, hProperties: { className: [`align-${a}`] } };
        });
      }
      // The row handler sizes rows by `align`, so keep its length and drop the values.
      table.align = align.map(() => null);
    });
    visit(tree, "listItem", (item) => {
      if (typeof item.checked !== "boolean") return;
      const glyph = item.checked ? "☑ " : "☐ ";
      const first = item.children[0];
      if (first?.type === "paragraph") first.children.unshift({ type: "text", value: glyph });
      else item.children.unshift({ type: "paragraph", children: [{ type: "text", value: glyph }] });
      item.checked = null;
    });
  };
}
