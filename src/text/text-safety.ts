/**
 * Characters no page, feed, sitemap or JSON file may carry: C0 controls but
 * tab and line feed, DEL, C1 controls (U+0080–U+009F, the 8-bit CSI among
 * them), noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of
 * every plane) and lone surrogates, which no UTF-8 can encode but YAML's
 * `"\uD800"` escape produces. A carriage return is one of them: where it ends
 * a line the text is split into lines before it gets here.
 */
const FORBIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}\p{Cs}]/gu;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source, "u");

export function hasForbiddenCharacter(text: string): boolean {
  return HAS_FORBIDDEN.test(text);
}

/** Offset (in UTF-16 units) of the first forbidden character of `text`, or -1. */
export function firstForbiddenCharacter(text: string): number {
  return text.search(HAS_FORBIDDEN);
}

/** `text` without its forbidden characters, and which ones they were (as `\uXXXX`, in order of first appearance). */
export function dropForbiddenCharacters(text: string): { readonly text: string; readonly dropped: readonly string[] } {
  const dropped = new Set<string>();
  const clean = text.replace(FORBIDDEN, (ch) => {
    dropped.add(codePointEscape(ch));
    return "";
  });
  return { text: clean, dropped: [...dropped] };
}

/** `\u001b`, `\u202e`, `\u{1fffe}`: a character as the escape a reader can type and search for. */
export function codePointEscape(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
