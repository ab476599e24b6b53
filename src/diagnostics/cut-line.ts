/**
 * A long line cut to a window around a column, for a code frame: one
 * problem on an 800 KB line (a flow list of 50,000 slugs, a pasted body)
 * must not print the whole line, let alone once per problem. The cut falls
 * between characters (never inside a surrogate pair, never before a
 * combining mark), `…` marks each side cut off, and the caret column is
 * counted in display columns (wide East Asian characters and emoji take
 * two, combining marks none), so it stands under the character in a terminal.
 */

/** Characters kept on each side of the column. */
export const CUT_RADIUS = 60;
/** Lines up to this long are shown whole: a long sentence of copy reads better uncut. */
export const CUT_ABOVE = 200;

export interface CutLine {
  readonly text: string;
  /** Display columns before the character the column names. */
  readonly caret: number;
  /** The text before that character, as shown (with the `…` of a cut): for a caret under text whose hidden characters are shown as escapes. */
  readonly before: string;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: each mark is a character of its own here, tested one at a time
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFE00-\uFE0F]$/u;
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]$/u;

/** Display columns of `text`, character by character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
  return width;
}

const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Move `at` forward off the second half of a surrogate pair and off combining marks: a boundary a reader sees. */
function boundary(text: string, at: number): number {
  let i = at;
  while (i < text.length && (isLow(text.charCodeAt(i)) || ZERO_WIDTH.test(String.fromCodePoint(text.codePointAt(i) ?? 0)))) i++;
  return i;
}

/** `line` around `column` (1-based, in UTF-16 code units as positions count): the window, and where its caret goes. */
export function cutLine(line: string, column: number, radius = CUT_RADIUS): CutLine {
  const at = Math.max(0, Math.min(column - 1, line.length));
  if (line.length <= Math.max(CUT_ABOVE, 2 * radius + 2)) return { text: line, caret: displayWidth(line.slice(0, at)), before: line.slice(0, at) };
  const start = at - radius <= 1 ? 0 : boundary(line, at - radius);
  const end = at + radius >= line.length - 1 ? line.length : boundary(line, at + radius);
  const head = start > 0 ? "…" : "";
  const tail = end < line.length ? "…" : "";
  const window = line.slice(start, end);
  const before = `${head}${line.slice(start, Math.max(start, at))}`;
  return { text: `${head}${window}${tail}`, caret: displayWidth(before), before };
}
