import type { Nodes, Root } from "mdast";

/**
 * Whether a body parsed as plain CommonMark could parse differently with
 * GFM. remark-gfm more than doubles the parser's time even for a body that
 * uses none of it (its bare-address scan runs over every character), and
 * most news copy uses none of it: such a body is parsed once, without it.
 *
 * Every GFM construct leaves a mark in the CommonMark tree, outside code
 * blocks: a table's `|`, strikethrough's `~`, a footnote's `^` (in text, or
 * in the label of what CommonMark reads as a link definition or
 * reference), a bare address's `www.`, `://`, `@`, `mailto:` or `xmpp:`
 * (GFM's own patterns, matched case-insensitively), a task list item's `[`
 * first in its item. When in doubt, GFM: a false alarm costs a second
 * parse, a miss would change the article. tests/markdown/needs-gfm.test.ts
 * checks that both parses give the same HTML over the CommonMark suite, the
 * fixtures and generated bodies.
 */
const MARK = /[|~^@]|www\.|:\/\/|mailto:|xmpp:/i;

export function needsGfm(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "html":
        if (MARK.test(node.value)) return true;
        break;
      case "image":
        if (MARK.test(node.alt ?? "")) return true;
        break;
      case "definition":
      case "linkReference":
      case "imageReference":
        if (node.label?.includes("^") || node.identifier.includes("^")) return true;
        break;
      case "listItem": {
        const first = node.children[0];
        const lead = first?.type === "paragraph" ? first.children[0] : undefined;
        if (lead !== undefined && (lead.type !== "text" || lead.value.startsWith("["))) return true;
        break;
      }
      default:
        break;
    }
    if ("children" in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return false;
}
