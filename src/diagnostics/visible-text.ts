import { codePointEscape } from "../text/text-safety.ts";
import { redactCredentials } from "../text/web-address.ts";

/**
 * Text from content (file names, YAML keys and values, source lines) made
 * safe to print where people read it: a terminal, a CI log, a pull
 * request's annotations. Controls would move the cursor, recolour, retitle
 * or hide lines (ESC, CSI U+009B, OSC, a lone CR, BS, BEL), bidi controls
 * would reorder what follows, line separators would start lines of their
 * own. Each is shown as its escape (`\u001b`, `\u202e`) instead.
 */
const HIDDEN = /[\0-\x08\x0A-\x1F\x7F-\x9F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/** `text` with every hidden or reordering character as its escape; tabs stay, line feeds too when `keepNewlines`. */
export function visibleText(text: string, keepNewlines = false): string {
  return redactCredentials(text).replace(HIDDEN, (ch) => (keepNewlines && ch === "\n" ? ch : codePointEscape(ch)));
}

/** Characters JSON leaves raw but a terminal would act on: written as JSON escapes, the parsed value unchanged. */
export function escapeJsonHidden(json: string): string {
  const unit = (code: number): string => `\\u${code.toString(16).padStart(4, "0")}`;
  // Per UTF-16 unit: a noncharacter past U+FFFF is written as its surrogate pair.
  return json.replace(HIDDEN, (ch) => (ch === "\n" ? ch : [...Array(ch.length).keys()].map((i) => unit(ch.charCodeAt(i))).join("")));
}
