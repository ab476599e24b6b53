import { at, i32, u16 } from "./column.ts";
import { Names } from "./names.ts";
import { NOT_NAMES, STOPWORDS } from "./stopwords.ts";

/**
 * Features of a text for the related index: content words (lowercased,
 * lightly stemmed, stopwords removed), name bigrams from runs of
 * capitalised words ("n:wahid sharifi") and each capitalised word inside a
 * sentence as a name of its own ("n:nahrin"): names tie a story's
 * follow-ups together better than any word.
 *
 * This runs over every word of the archive, so it is a hand-written scanner:
 * char classes from a lookup table, and each word hashed twice while it is
 * read and found in an open-addressing table by its 64-bit hash alone, one
 * memory access per word. A string is made only for a word never seen
 * before. (A Unicode regex and a Map lookup per word cost about 1 µs a
 * word; comparing characters against the stored string cost a cache miss
 * per word at 100,000 articles.) Two distinct words sharing both hashes
 * would be counted as one: at a million distinct words the chance of that
 * happening at all is about 1 in 30 million, and its harm one feature.
 */

const WORD_CHAR = 1;
const UPPER_CHAR = 2;
const DIGIT_CHAR = 4;
const SENTENCE_END = 8;
const BREAK = 16;
const CLASSES = new Uint8Array(65536);
/** Lowercase of each BMP code unit where it is a single code unit, else itself. */
const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  let k = 0;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) k |= WORD_CHAR;
  if (/\p{Lu}/u.test(ch)) k |= UPPER_CHAR;
  if (/\p{N}/u.test(ch)) k |= DIGIT_CHAR;
  if (ch === "." || ch === "!" || ch === "?") k |= SENTENCE_END;
  if (!(k & WORD_CHAR) && !/\s/u.test(ch)) k |= BREAK;
  CLASSES[c] = k;
  const lower = ch.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;

/** floods → flood, families → family; enough to join a story's inflections. */
export function stem(word: string): string {
  const n = word.length;
  if (n > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (n > 4 && word.charCodeAt(n - 1) === 0x73) {
    const before = word.charCodeAt(n - 2);
    // not -ss, -us, -is: "press", "status", "analysis"
    if (before !== 0x73 && before !== 0x75 && before !== 0x69) return word.slice(0, -1);
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

const IS_STOP = 1;
const NOT_NAME = 2;
const STRIDE = 4;

/**
 * Every distinct word seen, and the features (terms and name bigrams) they
 * make. Feature ids are dense from 0, in order of first appearance.
 */
export class FeatureTable {
  private readonly features = new Names();
  // Open-addressing table of words (lowercased, unstemmed), one slot per word:
  // [hash1, hash2, id + 1, (feature id of its stem + 1) << 2 | flags]. Everything
  // the scanner needs about a word sits in one place: one cache line per word.
  private table = new Int32Array(STRIDE << 16);
  private readonly words: string[] = [];
  /** Where each word's slot is, to mark stopword lists. */
  private readonly slotOf: number[] = [];
  /** Name features by word ids: a pair at `a * 2^21 + b`, a single name at `-1 - a`. */
  private readonly bigrams = new Map<number, number>();

  constructor() {
    for (const w of STOPWORDS) this.mark(this.wordId(w), IS_STOP);
    for (const w of NOT_NAMES) this.mark(this.wordId(w), NOT_NAME);
  }

  private mark(word: number, flag: number): void {
    const offset = at(this.slotOf, word) * STRIDE + 3;
    this.table[offset] = i32(this.table, offset) | flag;
  }

  /** Feature names, by id: `flood`, `n:wahid sharifi`. */
  get names(): readonly string[] {
    return this.features.names;
  }

  feature(name: string): number {
    return this.features.id(name);
  }

  /**
   * Call `sink` with each feature of the text made of `parts` with a line
   * break between each (reading at most `maxWords` words; if it stops for
   * them, returns where: the offset of the first word not read, in the part
   * it was reading). Parts, not one
   * string joined from them: a joined string is flattened when first read,
   * a copy of every article's text for the garbage collector to move.
   */
  scan(parts: readonly string[], weight: number, sink: (feature: number, weight: number) => void, maxWords = Number.POSITIVE_INFINITY): number | undefined {
    let words = 0;
    let previousName = -1;
    let sentenceStart = true;
    let broken = false;
    // A line break neither ends a sentence nor breaks a run of names: the state runs on from part to part.
    for (const text of parts) {
      const length = text.length;
      let i = 0;
      while (i < length) {
        const c = text.charCodeAt(i);
        // A code unit is below 65536, so always in the tables: unchecked, as this runs for every character.
        const cls = CLASSES[c]!;
        if ((cls & WORD_CHAR) === 0) {
          if (cls & BREAK) {
            broken = true;
            if (cls & SENTENCE_END) sentenceStart = true;
          }
          i++;
          continue;
        }
        if (++words > maxWords) return i;
        const start = i;
        let hash = 0x811c9dc5 | 0;
        let hash2 = 0x2545f491;
        let allDigits = true;
        while (i < length) {
          const d = text.charCodeAt(i);
          const dcls = CLASSES[d]!;
          if (dcls & WORD_CHAR) {
            if ((dcls & DIGIT_CHAR) === 0) allDigits = false;
            const lower = LOWER[d]!;
            hash = Math.imul(hash ^ lower, 0x01000193);
            hash2 = Math.imul(hash2 + lower, 0x5bd1e995) ^ (hash2 >>> 15);
            i++;
          } else if (
            (d === APOSTROPHE || d === RIGHT_QUOTE || d === HYPHEN) &&
            // Past the end of the text charCodeAt is NaN and the class lookup undefined: no character, so no word character.
            (CLASSES[text.charCodeAt(i + 1)] ?? 0) & WORD_CHAR &&
            // A possessive ends the word: "Rehabilitation's" is "rehabilitation".
            !(d !== HYPHEN && (text.charCodeAt(i + 1) | 0x20) === 0x73 && !((CLASSES[text.charCodeAt(i + 2)] ?? 0) & WORD_CHAR))
          ) {
            hash = Math.imul(hash ^ d, 0x01000193);
            hash2 = Math.imul(hash2 + d, 0x5bd1e995) ^ (hash2 >>> 15);
            allDigits = false;
            i++;
          } else {
            break;
          }
        }
        const offset = this.find(text, start, i, hash, hash2);
        const word = i32(this.table, offset + 2) - 1;
        const info = i32(this.table, offset + 3);
        const flags = info & 3;
        const stop = (flags & IS_STOP) !== 0;
        // Names: capitalised words in a run unbroken by punctuation; a capitalised stopword opening a sentence is not one.
        const isName = (cls & UPPER_CHAR) !== 0 && (flags & NOT_NAME) === 0 && !(sentenceStart && stop);
        if (broken || !isName) previousName = -1;
        if (isName) {
          if (previousName !== -1) sink(this.bigram(previousName, word), weight);
          previousName = word;
          // A capitalised word inside a sentence is a name on its own too ("Nahrin", "Haqmal"): a
          // place or a person ties a story together more than a word does. At a sentence's start
          // a capital says nothing.
          if (!sentenceStart && !stop && !allDigits && info >= 4) sink(this.single(word), weight);
        }
        broken = false;
        sentenceStart = false;
        if (!allDigits && info >= 4) sink((info >> 2) - 1, weight);
      }
    }
    return undefined;
  }

  private single(a: number): number {
    const key = -1 - a;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      id = this.feature(`n:${this.words[a]}`);
      this.bigrams.set(key, id);
    }
    return id;
  }

  private bigram(a: number, b: number): number {
    const key = a * 0x200000 + b;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      id = this.feature(`n:${this.words[a]} ${this.words[b]}`);
      this.bigrams.set(key, id);
    }
    return id;
  }

  /** The table offset of the slot of text[start, end) lowercased, adding the word if new. */
  private find(text: string, start: number, end: number, hash: number, hash2: number): number {
    const table = this.table;
    const mask = table.length / STRIDE - 1;
    let slot = hash & mask;
    for (;;) {
      const offset = slot * STRIDE;
      if (table[offset + 2] === 0) break;
      if (table[offset] === hash && table[offset + 1] === hash2) return offset;
      slot = (slot + 1) & mask;
    }
    const length = end - start;
    const codes = new Uint16Array(length);
    for (let k = 0; k < length; k++) {
      const c = text.charCodeAt(start + k);
      codes[k] = u16(LOWER, c);
    }
    return this.insert(String.fromCharCode(...codes), hash, hash2, slot);
  }

  /** The id of a word given as a string (stopword lists), adding it if new. */
  private wordId(word: string): number {
    return i32(this.table, this.find(word, 0, word.length, ...hashes(word)) + 2) - 1;
  }

  private insert(word: string, hash: number, hash2: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.slotOf.push(slot);
    const term = word.length >= 3 && !STOPWORDS.has(word) ? this.feature(stem(word)) : -1;
    const offset = slot * STRIDE;
    this.table[offset] = hash;
    this.table[offset + 1] = hash2;
    this.table[offset + 2] = id + 1;
    this.table[offset + 3] = (term + 1) << 2;
    if (this.words.length * 2 > this.table.length / STRIDE) return this.grow(id);
    return offset;
  }

  /** Double the table; returns the new offset of word `id`'s slot. */
  private grow(id: number): number {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = this.table.length / STRIDE - 1;
    for (let offset = 0; offset < old.length; offset += STRIDE) {
      const word = i32(old, offset + 2) - 1;
      if (word === -1) continue;
      let slot = i32(old, offset) & mask;
      while (i32(this.table, slot * STRIDE + 2) !== 0) slot = (slot + 1) & mask;
      this.table.set(old.subarray(offset, offset + STRIDE), slot * STRIDE);
      this.slotOf[word] = slot;
    }
    return at(this.slotOf, id) * STRIDE;
  }
}

/** The two hashes `scan` computes for a word, from its lowercased string. */
function hashes(word: string): [number, number] {
  let hash = 0x811c9dc5 | 0;
  let hash2 = 0x2545f491;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    hash = Math.imul(hash ^ c, 0x01000193);
    hash2 = Math.imul(hash2 + c, 0x5bd1e995) ^ (hash2 >>> 15);
  }
  return [hash, hash2];
}

/** Features of `text` as strings, for tests and explanations. */
export function featuresOf(text: string): Map<string, number> {
  const table = new FeatureTable();
  const counts = new Map<string, number>();
  table.scan([text], 1, (id, w) => {
    const name = at(table.names, id);
    counts.set(name, (counts.get(name) ?? 0) + w);
  });
  return counts;
}

let wordsOnly: FeatureTable | undefined;

/**
 * `text` up to the first word after its first `words` words, as the
 * related index's scan counts them: all that a scan reading at most that
 * many words of it (after any before it) ever reads. An article's body is
 * kept so, not beyond: the parse cache holds what the engine reads and no
 * more (`related.words_per_article`, the whole of any news story; a runaway
 * paste is cut, docs/performance.md). The table it scans with is this
 * module's own and grows with the words it meets, as any vocabulary does.
 */
export function leadingWords(text: string, words: number): string {
  wordsOnly ??= new FeatureTable();
  const stop = wordsOnly.scan([text], 1, () => undefined, words);
  return stop === undefined ? text : text.slice(0, stop);
}
