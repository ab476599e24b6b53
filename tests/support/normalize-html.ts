import type { Element, Nodes, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";

/** Elements whose whitespace is content. */
const PREFORMATTED = new Set(["pre", "code", "textarea"]);

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

function isBlock(node: Nodes | undefined): boolean {
  return node?.type === "element" && BLOCK.has(node.tagName);
}

/**
 * Compare HTML by meaning, as CommonMark's own normalizer does: parse both
 * sides, drop whitespace between blocks, trim text at block edges, sort
 * attributes, lower-case URL schemes (case-insensitive by RFC 3986, and
 * the pipeline writes them in lower case), and print with one serializer
 * (so `&amp;` = `&#x26;`).
 */
export function normalizeHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  clean(tree, false);
  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}

const lowerScheme = (url: string): string => url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, (scheme) => scheme.toLowerCase());

function clean(node: Root | Element, preformatted: boolean): void {
  const inPre = preformatted || (node.type === "element" && PREFORMATTED.has(node.tagName));
  if (node.type === "element") {
    node.properties = Object.fromEntries(
      Object.entries(node.properties)
        .map(([name, value]) => [name, (name === "href" || name === "src") && typeof value === "string" ? lowerScheme(value) : value] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  }
  const kept: typeof node.children = [];
  node.children.forEach((child, index) => {
    if (child.type === "comment" || child.type === "doctype") return;
    if (child.type === "text" && !inPre) {
      const before = node.children[index - 1];
      const after = node.children[index + 1];
      let value = child.value.replace(/\s+/g, " ");
      if (before === undefined || isBlock(before) || (node.type === "element" && BLOCK.has(node.tagName) && index === 0)) {
        value = value.replace(/^ /, "");
      }
      if (after === undefined || isBlock(after)) value = value.replace(/ $/, "");
      if (value === "") return;
      kept.push({ ...child, value });
      return;
    }
    if (child.type === "element") clean(child, inPre);
    kept.push(child);
  });
  node.children = kept;
}
