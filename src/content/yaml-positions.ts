import type { Position } from "../diagnostics/diagnostic.ts";

/**
 * Positions in YAML text, counted by us: `yaml`'s LineCounter only learns
 * the line breaks of tokens its parser placed, so after a token it could not
 * place every later error landed on the wrong line.
 */
export class LineTable {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // YAML breaks lines at LF, CR LF and a lone CR.
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** Line and column (both from 1) of `offset`, shifted down by `lineOffset` lines. */
  at(offset: number, lineOffset = 0): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1 + lineOffset, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

export type Opener = "[" | "{" | '"' | "'";

/**
 * Where the innermost `opener` still open at `end` was opened: the bracket
 * or quote an editor forgot to close, which `yaml` only notices lines later.
 * A quote opens a scalar only where a value starts (after `: `, `- `, `? `,
 * `[`, `{`, `,` or at the start of a line), so apostrophes in plain text
 * (`title: Kabul's floods`) are text.
 */
export function unclosedOpener(text: string, end: number, opener: Opener): number | undefined {
  const open: { char: Opener; at: number }[] = [];
  let valueStart = true;
  let i = 0;
  const limit = Math.min(end, text.length);
  while (i < limit) {
    const c = text[i]!;
    if ((c === '"' || c === "'") && valueStart) {
      const close = closingQuote(text, i, limit);
      if (close === undefined) return opener === c ? i : innermost(open, opener);
      i = close + 1;
      valueStart = false;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < limit && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (c === "[" || c === "{") open.push({ char: c, at: i });
    else if ((c === "]" || c === "}") && open.length > 0) open.pop();
    if (c === "\n" || c === "\r" || c === "[" || c === "{" || c === ",") valueStart = true;
    else if ((c === ":" || c === "-" || c === "?") && /\s/.test(text[i + 1] ?? " ")) valueStart = true;
    else if (c !== " " && c !== "\t") valueStart = false;
    i++;
  }
  return innermost(open, opener);
}

function innermost(open: readonly { char: Opener; at: number }[], opener: Opener): number | undefined {
  for (let k = open.length - 1; k >= 0; k--) if (open[k]!.char === opener) return open[k]!.at;
  return undefined;
}

/** The offset of the quote closing the scalar opened at `start`, or undefined if none before `limit`. */
function closingQuote(text: string, start: number, limit: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < limit; i++) {
    const c = text[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/** Which opener a `yaml` error message is about, if it is about one left open. */
export function openerOf(message: string): Opener | undefined {
  if (/closing "quote/i.test(message)) return '"';
  if (/closing 'quote/i.test(message)) return "'";
  if (!/end with|expected/i.test(message)) return undefined;
  if (/flow sequence/i.test(message)) return "[";
  if (/flow map/i.test(message)) return "{";
  return undefined;
}
