import type { Nodes, Root, Text } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { OPAQUE, smartPieces } from "./typography.ts";
import { writtenLiterally } from "./written-literally.ts";

declare module "vfile" {
  interface DataMap {
    /** false: leave the text's typography as written (processor.ts `typography`). */
    typography: boolean;
  }
}

/**
 * Curly quotes, dashes and ellipses in the body's text (typography.ts).
 * Each paragraph, heading and table cell is one run of text, so a quote
 * before `*emphasis*` is judged by the word inside it. Code (inline and
 * fenced), raw HTML, pictures and a link that shows its own address are
 * never changed: they stand in the run as one opaque character. A quote
 * or hyphen written escaped (`\"`, `&quot;`) stays as written.
 */
export default function remarkTypography() {
  return (tree: Root, file: VFile): void => {
    if (file.data.typography === false) return;
    const source = String(file.value);
    visit(tree, (node) => {
      if (node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") return undefined;
      const texts: (Text | undefined)[] = [];
      const pieces: string[] = [];
      const literal: (boolean[] | undefined)[] = [];
      const collect = (child: Nodes): void => {
        if (child.type === "text") {
          texts.push(child);
          pieces.push(child.value);
          const start = child.position?.start.offset;
          const end = child.position?.end.offset;
          literal[pieces.length - 1] = start === undefined || end === undefined ? undefined : writtenLiterally(child.value, source.slice(start, end));
        } else if (child.type === "break") {
          texts.push(undefined);
          pieces.push("\n");
        } else if (child.type === "link" && child.children.length === 1 && child.children[0]?.type === "text" && sameAddress(child.children[0].value, child.url)) {
          texts.push(undefined);
          pieces.push(OPAQUE);
        } else if ("children" in child) {
          for (const grandchild of child.children) collect(grandchild);
        } else {
          texts.push(undefined);
          pieces.push(OPAQUE);
        }
      };
      for (const child of node.children) collect(child);
      smartPieces(pieces, literal).forEach((value, i) => {
        const text = texts[i];
        if (text !== undefined) text.value = value;
      });
      return SKIP;
    });
  };
}

/** An autolink shows its own address (`<https://…>`, `www.…`, an e-mail address). */
function sameAddress(text: string, url: string): boolean {
  const bare = (u: string): string => u.replace(/^(?:mailto:|https?:\/\/)/i, "").replace(/\/$/, "");
  return text === url || bare(text) === bare(url);
}
