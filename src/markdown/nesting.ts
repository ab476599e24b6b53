import type { Nodes, Root } from "mdast";

/**
 * How deep a body may nest. micromark takes time quadratic in the depth of
 * nested quotes, lists, emphasis and image labels (a few thousand levels
 * already take minutes), and the tree walks after it recurse once per level
 * until the stack overflows. No article needs more than a handful of levels; hostile or
 * broken input (an e-mail thread quoted 100,000 times) gets an error instead.
 */
export const MAX_NESTING = 64;

/**
 * The mdast depth allowed after parsing: a nested list costs two levels (list,
 * item) and a paragraph and its phrasing sit below, so this admits every body
 * the text scan admits while keeping every recursive walk far from the stack's end.
 */
export const MAX_TREE_DEPTH = 4 * MAX_NESTING;

export interface TooDeep {
  readonly line: number;
  readonly column: number;
  readonly limit: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;

/**
 * A list marker at `i`: `-`, `+`, `*`, or up to nine digits and `.` or `)`,
 * followed by a space, a tab or the end of the line. Returns its end, or -1.
 */
function listMarkerEnd(text: string, i: number, lineEnd: number): number {
  let j = i;
  const c = text.charCodeAt(j);
  if (c === 0x2d || c === 0x2b || c === 0x2a) j++;
  else {
    while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    if (j === i) return -1;
    const d = text.charCodeAt(j);
    if (d !== 0x2e && d !== 0x29) return -1;
    j++;
  }
  if (j === lineEnd) return j;
  const after = text.charCodeAt(j);
  return after === SPACE || after === TAB ? j : -1;
}

/**
 * Block nesting of one line, over-estimated: the quote and list markers it
 * opens with, plus half the indentation before them (each list level indents
 * its content by at least two columns). Returns the column where the depth
 * first passes `limit`, or undefined.
 */
function containerTooDeep(text: string, start: number, end: number, limit: number): number | undefined {
  let i = start;
  let depth = 0;
  for (;;) {
    let columns = 0;
    while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) {
      columns += text.charCodeAt(i) === TAB ? 4 : 1;
      i++;
    }
    if (i >= end) return undefined;
    let next: number;
    if (text.charCodeAt(i) === GT) next = i + 1;
    else {
      next = listMarkerEnd(text, i, end);
      if (next < 0) return undefined;
    }
    depth += depth === 0 ? 1 + Math.floor(columns / 2) : 1;
    if (depth > limit) return i - start + 1;
    i = next;
  }
}

/**
 * Inline nesting within one paragraph, over-estimated: open brackets, and
 * emphasis delimiters (`*`, `_`, `~`) that could still be open. A run counts
 * as an opener unless followed by white space, as a closer unless preceded by
 * it; each kind of delimiter only closes its own kind.
 */
class InlineDepth {
  brackets = 0;
  /** Raw HTML elements open: a paragraph's inline tags, or an HTML block's (both end at a blank line). */
  html = 0;
  private readonly open = new Map<number, number>();
  private total = 0;

  reset(): void {
    this.brackets = 0;
    this.html = 0;
    this.open.clear();
    this.total = 0;
  }

  get depth(): number {
    return this.brackets + this.total;
  }

  run(char: number, length: number, before: number, after: number): void {
    const current = this.open.get(char) ?? 0;
    let next = current;
    if (!space(before)) next = Math.max(0, next - length);
    if (!space(after)) next += length;
    this.open.set(char, next);
    this.total += next - current;
  }
}

const EMPHASIS = new Set([0x2a, 0x5f, 0x7e]);

/**
 * Elements that never nest as their tags suggest: void ones (no end tag),
 * and those whose end tag may be left out, which the HTML parser closes
 * when the next one opens (`<p>a <p>b`, `<li>`, `<td>`). The lists and
 * tables that hold the latter are counted themselves.
 */
const FLAT_ELEMENTS = new Set(
  (
    "area base br col embed hr img input link meta param source track wbr " + "p li dt dd tr td th thead tbody tfoot option optgroup rb rt rtc rp colgroup caption"
  ).split(" "),
);

const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * A raw HTML tag at `i` (a `<`): +1 for a start tag of an element that
 * nests, -1 for an end tag, 0 otherwise; and where the name ends. A start
 * tag counts even without its `>` or with a `/>` (the HTML parser opens a
 * `<span/>` all the same): over-estimated, never under.
 */
function htmlTag(text: string, i: number, end: number): { delta: number; next: number } {
  let j = i + 1;
  const closing = text.charCodeAt(j) === 0x2f;
  if (closing) j++;
  if (!isLetter(text.charCodeAt(j))) return { delta: 0, next: i };
  const nameStart = j;
  while (j < end && (isLetter(text.charCodeAt(j)) || (text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) || text.charCodeAt(j) === 0x2d)) j++;
  if (FLAT_ELEMENTS.has(text.slice(nameStart, j).toLowerCase())) return { delta: 0, next: j - 1 };
  return { delta: closing ? -1 : 1, next: j - 1 };
}

/** White space around a delimiter run, or no character at all (NaN: the line's edge). */
function space(c: number): boolean {
  return Number.isNaN(c) || c === SPACE || c === TAB || c === 0x0a || c === 0x0d;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Scan the Markdown text, in one linear pass, for nesting deeper than
 * `MAX_NESTING`; returns where it first goes too deep. Runs before parsing,
 * so hostile input never reaches micromark's quadratic paths.
 */
export function scanNesting(text: string, limit = MAX_NESTING): TooDeep | undefined {
  const inline = new InlineDepth();
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (isBlank(text, start, end)) inline.reset();
    else {
      const column = containerTooDeep(text, start, end, limit);
      if (column !== undefined) return { line, column, limit };
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) {
          i++; // an escaped character is text
        } else if (c === 0x5b) {
          inline.brackets++;
        } else if (c === 0x5d) {
          inline.brackets = Math.max(0, inline.brackets - 1);
        } else if (c === 0x3c) {
          const tag = htmlTag(text, i, end);
          const column = i - start + 1;
          i = tag.next;
          inline.html = Math.max(0, inline.html + tag.delta);
          // The HTML parser (hast-util-from-parse5) recurses once per element: as deep a guard as for Markdown.
          if (inline.html > limit) return { line, column, limit };
          continue;
        } else if (EMPHASIS.has(c)) {
          let j = i + 1;
          while (j < end && text.charCodeAt(j) === c) j++;
          inline.run(c, j - i, i > start ? text.charCodeAt(i - 1) : Number.NaN, j < end ? text.charCodeAt(j) : Number.NaN);
          i = j - 1;
        } else continue;
        if (inline.depth > limit) return { line, column: i - start + 1, limit };
      }
    }
    line++;
    start = end + 1;
  }
  return undefined;
}

/**
 * The deepest point of a parsed tree, found without recursion (the walk that
 * guards against deep trees must not itself overflow): the first node deeper
 * than `limit`, or undefined.
 */
export function treeTooDeep(tree: Root, limit = MAX_TREE_DEPTH): TooDeep | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) {
      const start = node.position?.start;
      return { line: start?.line ?? 1, column: start?.column ?? 1, limit };
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, depth + 1]);
  }
  return undefined;
}
