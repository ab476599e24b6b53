/**
 * Which characters of a text node the editor wrote escaped, `\"` or as a
 * character reference (`&quot;`, `&#39;`): the way to keep a straight quote
 * or a double hyphen that typography would change (remark-typography.ts).
 *
 * The node's value is walked beside its source: the parser's value differs
 * from the source only by escapes, references, and the spaces it strips
 * around line breaks. Where the two cannot be matched (a reference that
 * stands for two characters), the rest of the node counts as written plainly.
 */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const REFERENCE = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|[A-Za-z][A-Za-z0-9]{0,31});/;

export function writtenLiterally(value: string, source: string): boolean[] {
  const literal = new Array<boolean>(value.length).fill(false);
  if (value.length === source.length) return literal;
  let i = 0;
  let j = 0;
  while (i < value.length && j < source.length) {
    const c = source[j] ?? "";
    if (c === "\\" && ASCII_PUNCTUATION.test(source[j + 1] ?? "") && value[i] === source[j + 1]) {
      literal[i++] = true;
      j += 2;
      continue;
    }
    const reference = c === "&" ? REFERENCE.exec(source.slice(j, j + 40)) : null;
    // `&T;` that names no character stays in the value as written.
    if (reference !== null && !value.startsWith(reference[0], i)) {
      const hex = reference[1];
      const dec = reference[2];
      const code = hex !== undefined ? Number.parseInt(hex, 16) : dec !== undefined ? Number(dec) : undefined;
      const width = code !== undefined && code > 0xffff && code <= 0x10ffff ? 2 : 1;
      for (let k = 0; k < width && i < value.length; k++) literal[i++] = true;
      j += reference[0].length;
      continue;
    }
    if (value[i] === c) {
      i++;
      j++;
    } else if (c === " " || c === "\t" || c === ">") {
      // Stripped by the parser: indentation and trailing spaces around a line break, a block quote's marker.
      j++;
    } else {
      break;
    }
  }
  return literal;
}
