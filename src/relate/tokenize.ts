import { NOT_NAMES, STOPWORDS } from "./stopwords.ts";

/**
 * Features of a text for the related index: content words (lowercased,
 * lightly stemmed, stopwords removed) and name bigrams from runs of
 * capitalised words ("n:wahid sharifi"), which tie a story's follow-ups
 * together better than any single word.
 */

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER = /^\p{Lu}/u;
const DIGITS = /^\p{N}+$/u;

/** floods → flood, families → family; enough to join a story's inflections. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
    return word.slice(0, -1);
  }
  return word;
}

export function normalizeTag(tag: string): string {
  return tag
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

/** Feature counts of `text`; `weight` counts each occurrence that many times (titles weigh more). */
export function addFeatures(counts: Map<string, number>, text: string, weight: number, maxWords = Infinity): void {
  let run: string[] = [];
  let words = 0;
  let sentenceStart = true;
  let last = 0;
  const flush = (): void => {
    for (let i = 0; i + 1 < run.length; i++) {
      const key = `n:${run[i]} ${run[i + 1]}`;
      counts.set(key, (counts.get(key) ?? 0) + weight);
    }
    run = [];
  };
  for (const match of text.matchAll(WORD)) {
    if (++words > maxWords) break;
    const raw = match[0];
    const gap = text.slice(last, match.index);
    last = match.index + raw.length;
    // Any punctuation between two words ends a name ("Kabul, Herat" is two places).
    if (gap.trim() !== "") flush();
    const lower = raw.toLowerCase();
    const isStartOfSentence = sentenceStart || /[.!?]\s*["“]?\s*$/.test(gap);
    sentenceStart = false;
    if (UPPER.test(raw) && !NOT_NAMES.has(lower) && !(isStartOfSentence && STOPWORDS.has(lower))) {
      run.push(lower);
    } else {
      flush();
    }
    if (lower.length < 3 || DIGITS.test(lower) || STOPWORDS.has(lower)) continue;
    const term = stem(lower);
    counts.set(term, (counts.get(term) ?? 0) + weight);
  }
  flush();
}
