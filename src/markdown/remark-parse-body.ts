import type { Root } from "mdast";
import { type Options as FromMarkdownOptions, fromMarkdown } from "mdast-util-from-markdown";
// remark-parse's types declare the `micromarkExtensions` data that remark-gfm fills.
import type {} from "remark-parse";
import type { Processor } from "unified";
import type { Node } from "unist";
import type { VFile } from "vfile";
import { CHUNK_SIZE, chunkMarkdown } from "./chunks.ts";
import { reportIssueAt } from "./issues.ts";
import "./linear-edit-map.ts";
import "./linear-attention.ts";
import "./linear-text-merge.ts";
import { useLinearStrikethrough } from "./linear-strikethrough.ts";
import { MAX_NESTING, scanNesting, treeTooDeep } from "./nesting.ts";

/**
 * The longest body published, in characters: about 300,000 words, far beyond
 * any news article (a long read is 10,000), yet it renders in a few seconds.
 * A larger paste is a mistake or an attack; refusing it keeps every build quick.
 */
export const MAX_BODY_LENGTH = 2_000_000;

/**
 * remark-parse, guarded for bodies of any size and shape: a body longer than
 * `MAX_BODY_LENGTH` is an error, and so is nesting too deep to
 * parse in reasonable time or to walk without overflowing the stack is an
 * error at its line (the body is then empty); long bodies are parsed in
 * pieces cut where the result cannot differ (`chunks.ts`), so time grows
 * linearly with length. Extensions come from `data`, as remark-parse's do.
 */
export default function remarkParseBody(this: Processor): void {
  this.parser = (document: string, file: VFile): Root => {
    const empty: Root = { type: "root", children: [] };
    if (document.length > MAX_BODY_LENGTH) {
      reportIssueAt(file, { line: 1, column: 1 }, { rule: "body-too-large", args: { length: document.length, limit: MAX_BODY_LENGTH } });
      return empty;
    }
    const scanned = scanNesting(document);
    if (scanned !== undefined) {
      reportIssueAt(file, scanned, { rule: "body-too-deep", args: { limit: MAX_NESTING } });
      return empty;
    }
    const extensions = this.data("micromarkExtensions") ?? [];
    useLinearStrikethrough(extensions);
    const options = {
      extensions,
      mdastExtensions: this.data("fromMarkdownExtensions") ?? [],
    };
    const root = parseInChunks(document, options);
    const deep = treeTooDeep(root);
    if (deep !== undefined) {
      reportIssueAt(file, deep, { rule: "body-too-deep", args: { limit: MAX_NESTING } });
      return empty;
    }
    return root;
  };
}

/** Parse `document` piece by piece (see `chunks.ts`): the same tree, positions included, as parsing it whole. */
export function parseInChunks(document: string, options: FromMarkdownOptions, size = CHUNK_SIZE): Root {
  const root: Root = { type: "root", children: [] };
  for (const chunk of chunkMarkdown(document, size)) {
    const tree = fromMarkdown(chunk.text, options);
    if (chunk.offset > 0) shiftPositions(tree, chunk.lineOffset, chunk.offset);
    for (const child of tree.children) root.children.push(child);
    if (tree.position) root.position = { start: root.position?.start ?? tree.position.start, end: tree.position.end };
  }
  return root;
}

/** Move a chunk's positions to where the chunk sits in the whole text (chunks start at a line's start). */
function shiftPositions(tree: Node, lines: number, offset: number): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start = { ...position.start, line: position.start.line + lines, offset: (position.start.offset ?? 0) + offset };
      position.end = { ...position.end, line: position.end.line + lines, offset: (position.end.offset ?? 0) + offset };
    }
    if ("children" in node && Array.isArray(node.children)) stack.push(...(node.children as Node[]));
  }
}
