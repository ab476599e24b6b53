import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Html, Parent, Root, RootContent } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { reportIssue } from "./issues.ts";

declare module "vfile" {
  interface DataMap {
    /** Hosts whose `<iframe>` embeds are published (site.yaml `embeds`). */
    embedHosts: readonly string[];
  }
}

/** What an embed may do inside its frame: run its player, never navigate our page. */
const SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups";

/** An `<iframe>` start tag, and the end tag that closes its content (text to the HTML parser, never elements). */
const IFRAME_START = /^<iframe(?=[\s/>]|$)/i;
const IFRAME_END = /<\/iframe(?=[\s/>]|$)[^>]*>?/i;

/**
 * The `<iframe>` that `html` is, alone, or undefined. Only the iframe itself
 * is parsed, never the rest of a raw block: the HTML parser recurses once per
 * nested element, and a block of 20,000 nested `<div>` (which the nesting
 * guard cannot see when it runs across blank lines, in a `<pre>`) would
 * overflow the stack. Anything after the iframe's end tag means it is not alone.
 */
function singleIframe(html: string): Element | undefined {
  if (!IFRAME_START.test(html)) return undefined;
  const end = IFRAME_END.exec(html);
  const whole = end === null ? html : html.slice(0, end.index + end[0].length);
  if (whole.length < html.length && html.slice(whole.length).trim() !== "") return undefined;
  const tree = fromHtml(whole, { fragment: true });
  const elements = tree.children.filter((n) => !(n.type === "text" && n.value.trim() === ""));
  const only = elements[0];
  return elements.length === 1 && only?.type === "element" && only.tagName === "iframe" ? only : undefined;
}

function embedNode(src: URL, iframe: Element): RootContent {
  const { title, width, height } = iframe.properties;
  const size = (v: unknown) => (typeof v === "number" || (typeof v === "string" && /^\d{1,4}$/.test(v)) ? String(v) : undefined);
  const frame: Element = {
    type: "element",
    tagName: "iframe",
    properties: {
      src: src.href,
      title: typeof title === "string" && title.trim() !== "" ? title : `Embedded content from ${src.hostname}`,
      ...(size(width) === undefined ? {} : { width: size(width) }),
      ...(size(height) === undefined ? {} : { height: size(height) }),
      loading: "lazy",
      allowFullScreen: true,
      referrerPolicy: "strict-origin-when-cross-origin",
      sandbox: SANDBOX.split(" "),
    },
    children: [],
  };
  return { type: "paragraph", data: { hName: "figure", hProperties: { className: ["embed"] }, hChildren: [frame] }, children: [] };
}

/**
 * Raw HTML never reaches the page as such. An `<iframe>` from a host the
 * site allows becomes an embed (sandboxed, lazy, titled); comments vanish
 * quietly; everything else is removed with a warning at its line, so the
 * editor knows what readers will not see.
 */
export default function remarkRawHtml() {
  return (tree: Root, file: VFile): void => {
    const allowed = new Set(file.data.embedHosts ?? []);
    const emptied = new Set<Parent>();
    visit(tree, "html", (node: Html, index, parent: Parent | undefined) => {
      if (parent === undefined || index === undefined) return undefined;
      const value = node.value.trim();
      let replacement: RootContent[] = [];
      const iframe = singleIframe(value);
      const src = typeof iframe?.properties.src === "string" ? URL.parse(iframe.properties.src) : null;
      if (iframe && src && src.protocol === "https:" && allowed.has(src.hostname) && parent.type === "root") {
        replacement = [embedNode(src, iframe)];
      } else if (iframe) {
        reportIssue(file, node, { rule: "embed-host", args: { host: src?.hostname || String(iframe.properties.src ?? "no address") } });
      } else if (!value.startsWith("<!--") && !value.startsWith("</")) {
        const snippet = value.replace(/\s+/g, " ");
        reportIssue(file, node, { rule: "body-raw-html", args: { snippet: snippet.length > 60 ? `${snippet.slice(0, 60)}…` : snippet } });
      }
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      if (parent.type === "paragraph") emptied.add(parent);
      return [SKIP, index + replacement.length];
    });
    // A paragraph that held nothing but removed HTML would print as `<p>   </p>`: it goes too.
    if (emptied.size > 0) {
      visit(tree, "paragraph", (node, index, parent: Parent | undefined) => {
        if (parent === undefined || index === undefined || !emptied.has(node)) return undefined;
        if (!node.children.every((child) => child.type === "text" && child.value.trim() === "")) return undefined;
        parent.children.splice(index, 1);
        return [SKIP, index];
      });
    }
  };
}
