/**
 * Where a long Markdown text can be cut into pieces that parse, one by one,
 * to exactly the blocks the whole would: micromark's memory and time per
 * byte grow with the size of the document it holds (its event list), so a
 * long paste parses in a fraction of the time as `CHUNK_SIZE` pieces.
 *
 * A cut goes only before a line that surely starts a new top-level block
 * after a blank line: not indented (no list-item or code continuation), not a
 * list marker (that could continue a loose list above), and outside fenced
 * code and the HTML blocks that run across blank lines. Reference and
 * footnote definitions reach across the whole document, so a text that may
 * hold one (`]:` anywhere) is never cut. When in doubt, do not cut: a missed
 * cut costs time, a wrong one would change the article.
 */

export interface Chunk {
  /** Offset of the chunk's first character in the text. */
  readonly offset: number;
  /** Number of lines before the chunk. */
  readonly lineOffset: number;
  readonly text: string;
}

/** Below this, a text is parsed whole. */
export const CHUNK_SIZE = 64 * 1024;

const FENCE = /^ *(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** HTML block starts (CommonMark kinds 1–5) that a blank line does not end, with their ends. */
const HTML_BLOCKS: readonly (readonly [RegExp, RegExp])[] = [
  [/<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/<!--/, /-->/],
  [/<\?/, /\?>/],
  [/<![A-Za-z]/, />/],
  [/<!\[CDATA\[/, /\]\]>/],
];

type State = { kind: "flow" } | { kind: "fence"; marker: string } | { kind: "html"; end: RegExp };

function next(state: State, line: string): State {
  switch (state.kind) {
    case "fence": {
      const close = FENCE.exec(line);
      const marker = close?.[1];
      // A closing fence: the same character, at least as long, nothing after it.
      const closes = marker !== undefined && marker[0] === state.marker[0] && marker.length >= state.marker.length && line.trim() === marker;
      return closes ? { kind: "flow" } : state;
    }
    case "html":
      return state.end.test(line) ? { kind: "flow" } : state;
    case "flow": {
      const open = FENCE.exec(line);
      if (open?.[1] !== undefined) return { kind: "fence", marker: open[1] };
      for (const [start, end] of HTML_BLOCKS) {
        const at = line.search(start);
        // Conservative: an end anywhere after the start on the same line closes it.
        if (at >= 0 && !end.test(line.slice(at + 2))) return { kind: "html", end };
      }
      return state;
    }
  }
}

const isBlank = (line: string): boolean => line.trim() === "";

/** Cut `text` into chunks of about `size` characters (one chunk when it is short or cannot be cut safely). */
export function chunkMarkdown(text: string, size = CHUNK_SIZE): Chunk[] {
  if (text.length <= size || text.includes("]:")) return [{ offset: 0, lineOffset: 0, text }];
  const chunks: Chunk[] = [];
  let state: State = { kind: "flow" };
  let chunkStart = 0;
  let chunkLine = 0;
  let line = 0;
  let start = 0;
  let previousBlank = false;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    const cuttable =
      state.kind === "flow" &&
      previousBlank &&
      start - chunkStart >= size &&
      !isBlank(content) &&
      content[0] !== " " &&
      content[0] !== "\t" &&
      !LIST_MARKER.test(content);
    if (cuttable) {
      chunks.push({ offset: chunkStart, lineOffset: chunkLine, text: text.slice(chunkStart, start) });
      chunkStart = start;
      chunkLine = line;
    }
    state = next(state, content);
    previousBlank = state.kind === "flow" && isBlank(content);
    line++;
    start = end + 1;
  }
  chunks.push({ offset: chunkStart, lineOffset: chunkLine, text: text.slice(chunkStart) });
  return chunks;
}
