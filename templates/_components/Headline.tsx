/**
 * Hyphenated compounds up to this many characters are kept on one line: a
 * longer one may be wider than a phone's line, where breaking at its hyphen
 * is better than running off the screen.
 */
const KEEP_TOGETHER = 20;

/** A word with a hyphen between letters or digits: `Kabul-Mazar`, `week-long`, `2026-27`. */
const COMPOUND = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)+/gu;

/**
 * A headline whose hyphenated compounds never break at the hyphen (browsers
 * may break after one, leaving "Kabul-" alone on a line). Each compound is a
 * `white-space: nowrap` span: the text itself is unchanged, so copying it or
 * searching for it finds the hyphen as written (a U+2011 would not).
 */
export function Headline({ text }: { text: string }) {
  const parts: (string | ReturnType<typeof Compound>)[] = [];
  let at = 0;
  for (const m of text.matchAll(COMPOUND)) {
    if (m[0].length > KEEP_TOGETHER) continue;
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(<Compound word={m[0]} />);
    at = m.index + m[0].length;
  }
  if (at === 0) return <>{text}</>;
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function Compound({ word }: { word: string }) {
  return <span class="nobreak">{word}</span>;
}
