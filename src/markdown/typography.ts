/**
 * Typography for display text, in the manner of SmartyPants: straight
 * quotes become curly ones, `--` an en dash, `---` an em dash, a hyphen
 * between spaces (`KABUL - The talks`) an en dash, the house style of
 * datelines, and `...` an ellipsis. Web addresses are left as written.
 *
 * Quotes around Arabic-script text (Dari, Pashto) become guillemets, `«…»`,
 * as those languages write them, never English curly quotes; a single quote
 * beside Arabic script is left as it is, since neither language uses it as
 * an apostrophe or a quote in running text.
 *
 * Text arrives in pieces (the text nodes of a paragraph, around emphasis and
 * links), so a quote is judged by its neighbours across pieces: each piece's
 * characters are replaced in place, one output per input character, and the
 * pieces keep their own boundaries.
 */

/** A stand-in for an inline element that is not text (inline code, a picture): a word as far as quotes are concerned. */
export const OPAQUE = "\uFFFC";

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const ARABIC = /\p{Script=Arabic}/u;
/** What may stand before an opening quote: nothing, a space, an opening bracket or quote, a dash or a slash. */
const OPENS_BEFORE = /[\s([{“‘«—–\-/]/u;
/** Web addresses and e-mail addresses, without the punctuation that ends the sentence around them. */
const ADDRESS = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\bmailto:)[^\s<>]*[^\s<>.,;:!?'"”’)\]]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** Words that begin with an elision: `'em`, `'til`, `'cause`, `'tis`, `'twas`. */
const LEADING_ELISION = /^'(?:em|til|cause|tis|twas)\b/iu;

/** The first letter or digit from `from` in steps of `step`, or undefined. */
function letterNear(text: string, from: number, step: 1 | -1): string | undefined {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const ch = text[i] ?? "";
    if (ch === OPAQUE) return "a";
    if (LETTER.test(ch)) return ch;
    if (/[\n]/.test(ch)) return undefined;
  }
  return undefined;
}

/** Each character's replacement (`""` when it joins the one before it); `kept` characters stay as they are. */
function replacements(text: string, kept: boolean[]): string[] {
  const out = Array.from({ length: text.length }, (_, i) => text[i] ?? "");
  for (const m of text.matchAll(ADDRESS)) for (let i = m.index; i < m.index + m[0].length; i++) kept[i] = true;
  const free = (from: number, length: number): boolean => {
    for (let i = from; i < from + length; i++) if (kept[i] || i >= text.length) return false;
    return true;
  };
  const replace = (at: number, length: number, by: string): void => {
    out[at] = by;
    for (let i = at + 1; i < at + length; i++) out[i] = "";
  };

  // Ellipses and dashes first: a quote after `--` is judged by the dash.
  for (const m of text.matchAll(/\.\.\.|\. \. \.|-{2,3}|(?<=\s)-(?=\s)/gu)) {
    if (!free(m.index, m[0].length)) continue;
    // A run of four or more hyphens is a rule someone drew, not a dash.
    if (m[0].startsWith("-") && (text[m.index - 1] === "-" || text[m.index + m[0].length] === "-")) continue;
    replace(m.index, m[0].length, m[0].startsWith(".") ? "…" : m[0] === "---" ? "—" : "–");
  }

  const open: ("en" | "ar")[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch !== '"' && ch !== "'") || kept[i]) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    const opensHere = (before === undefined || OPENS_BEFORE.test(before) || before === '"' || before === "'") && after !== undefined && !/\s/.test(after);
    if (ch === "'") {
      const nextLetter = letterNear(text, i + 1, 1);
      const prevLetter = letterNear(text, i - 1, -1);
      const arabic = (opensHere ? nextLetter : prevLetter) ?? "";
      if (ARABIC.test(arabic)) continue;
      const rest = text.slice(i, i + 6);
      if (before !== undefined && LETTER.test(before) && after !== undefined && LETTER.test(after)) out[i] = "’";
      else if (opensHere && /^'\d\d(?:s\b|\b)/u.test(rest)) out[i] = "’";
      else if (opensHere && /^'n'(?:\s|$)/u.test(rest)) {
        out[i] = "’";
        out[i + 2] = "’";
        i += 2;
      } else if (opensHere && LEADING_ELISION.test(rest)) out[i] = "’";
      else out[i] = opensHere ? "‘" : "’";
      continue;
    }
    if (opensHere) {
      const style = ARABIC.test(letterNear(text, i + 1, 1) ?? "") ? "ar" : "en";
      open.push(style);
      out[i] = style === "ar" ? "«" : "“";
    } else {
      const style = open.pop() ?? (ARABIC.test(letterNear(text, i - 1, -1) ?? "") ? "ar" : "en");
      out[i] = style === "ar" ? "»" : "”";
    }
  }
  return out;
}

/**
 * The pieces of one run of text with its typography set, each piece still
 * its own string. `literal`, per piece, marks characters to keep as written.
 */
export function smartPieces(pieces: readonly string[], literal: readonly (readonly boolean[] | undefined)[] = []): string[] {
  const joined = pieces.join("");
  if (!/["'.-]/.test(joined)) return [...pieces];
  const kept = pieces.flatMap((piece, i) => Array.from({ length: piece.length }, (_, k) => literal[i]?.[k] === true));
  const out = replacements(joined, kept);
  const result: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    result.push(out.slice(at, at + piece.length).join(""));
    at += piece.length;
  }
  return result;
}

/** One piece of display text (a headline, a summary) with its typography set. */
export function smartText(text: string): string {
  return smartPieces([text])[0] ?? text;
}
