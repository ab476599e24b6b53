import { NOT_NAMES, STOPWORDS } from "./stopwords.ts";

/**
 * Features of a text for the related index: content words (lowercased,
 * lightly stemmed, stopwords removed) and name bigrams from runs of
 * capitalised words ("n:wahid sharifi"), which tie a story's follow-ups
 * together better than any single word.
 *
 * This runs over every word of the archive, so it is a hand-written scanner:
 * char classes from a lookup table, words hashed while they are read and
 * found in an open-addressing table by comparing characters in place. A
 * string is made only for a word never seen before. (A Unicode regex and a
 * Map lookup per word were the engine's largest cost: about 1 µs a word.)
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

/**
 * Every distinct word seen, and the features (terms and name bigrams) they
 * make. Feature ids are dense from 0, in order of first appearance.
 */
export class FeatureTable {
  /** Feature names, by id: `flood`, `n:wahid sharifi`. */
  readonly names: string[] = [];
  private readonly featureIds = new Map<string, number>();
  // Open-addressing table of words (lowercased, unstemmed); per-word data in typed arrays.
  private slots = new Int32Array(1 << 16).fill(-1);
  private readonly words: string[] = [];
  private hashes = new Int32Array(1 << 15);
  private flags = new Uint8Array(1 << 15);
  /** Feature id of each word's stem, or -1 when it is no content term. */
  private termOf = new Int32Array(1 << 15);
  private readonly bigrams = new Map<number, number>();

  constructor() {
    for (const w of STOPWORDS) this.mark(this.insert(w, hashString(w)), IS_STOP);
    for (const w of NOT_NAMES) this.mark(this.insert(w, hashString(w)), NOT_NAME);
  }

  private mark(word: number, flag: number): void {
    this.flags[word] = (this.flags[word] ?? 0) | flag;
  }

  feature(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.featureIds.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** Call `sink` with each feature of `text` (reading at most `maxWords` words). */
  scan(text: string, weight: number, sink: (feature: number, weight: number) => void, maxWords = Number.POSITIVE_INFINITY): void {
    const length = text.length;
    let words = 0;
    let i = 0;
    let previousName = -1;
    let sentenceStart = true;
    let broken = false;
    while (i < length) {
      const c = text.charCodeAt(i);
      const cls = CLASSES[c] ?? 0;
      if ((cls & WORD_CHAR) === 0) {
        if (cls & BREAK) {
          broken = true;
          if (cls & SENTENCE_END) sentenceStart = true;
        }
        i++;
        continue;
      }
      if (++words > maxWords) break;
      const start = i;
      let hash = 0x811c9dc5 | 0;
      let allDigits = true;
      while (i < length) {
        const d = text.charCodeAt(i);
        const dcls = CLASSES[d] ?? 0;
        if (dcls & WORD_CHAR) {
          if ((dcls & DIGIT_CHAR) === 0) allDigits = false;
          hash = Math.imul(hash ^ (LOWER[d] ?? d), 0x01000193);
          i++;
        } else if (
          (d === APOSTROPHE || d === RIGHT_QUOTE || d === HYPHEN) &&
          ((CLASSES[text.charCodeAt(i + 1)] ?? 0) & WORD_CHAR) &&
          // A possessive ends the word: "Rehabilitation's" is "rehabilitation".
          !(d !== HYPHEN && (text.charCodeAt(i + 1) | 0x20) === 0x73 && !((CLASSES[text.charCodeAt(i + 2)] ?? 0) & WORD_CHAR))
        ) {
          hash = Math.imul(hash ^ d, 0x01000193);
          allDigits = false;
          i++;
        } else {
          break;
        }
      }
      const word = this.find(text, start, i, hash);
      const flags = this.flags[word] ?? 0;
      const stop = (flags & IS_STOP) !== 0;
      // Names: capitalised words in a run unbroken by punctuation; a capitalised stopword opening a sentence is not one.
      const isName = (cls & UPPER_CHAR) !== 0 && (flags & NOT_NAME) === 0 && !(sentenceStart && stop);
      if (broken || !isName) previousName = -1;
      if (isName) {
        if (previousName !== -1) sink(this.bigram(previousName, word), weight);
        previousName = word;
      }
      broken = false;
      sentenceStart = false;
      if (!allDigits) {
        const term = this.termOf[word] ?? -1;
        if (term !== -1) sink(term, weight);
      }
    }
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

  /** The word id of text[start, end) lowercased, adding it if new. */
  private find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot] ?? -1;
      if (id === -1) break;
      if (hashes[id] !== hash) continue;
      const word = this.words[id] ?? "";
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        const c = text.charCodeAt(start + k);
        if ((LOWER[c] ?? c) !== word.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
    // Built in one piece: a string grown by += is a rope, slow to compare against later.
    const codes = new Uint16Array(length);
    for (let k = 0; k < length; k++) {
      const c = text.charCodeAt(start + k);
      codes[k] = LOWER[c] ?? c;
    }
    return this.insert(String.fromCharCode(...codes), hash);
  }

  private insert(word: string, hash: number): number {
    const existing = this.lookup(word, hash);
    if (existing !== -1) return existing;
    const id = this.words.length;
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes, new Int32Array(id * 2));
      this.flags = grown(this.flags, new Uint8Array(id * 2));
      this.termOf = grown(this.termOf, new Int32Array(id * 2));
    }
    this.words.push(word);
    this.hashes[id] = hash;
    const content = word.length >= 3 && !STOPWORDS.has(word);
    this.termOf[id] = content ? this.feature(stem(word)) : -1;
    if ((this.words.length << 1) > this.slots.length) this.grow();
    else this.place(id, hash);
    return id;
  }

  private lookup(word: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id === -1) return -1;
      if (this.hashes[id] === hash && this.words[id] === word) return id;
    }
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while ((this.slots[slot] ?? -1) !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id] ?? 0);
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** FNV-1a over UTF-16 code units, as `scan` hashes a lowercased word. */
function hashString(word: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
  return hash;
}

/** Features of `text` as strings, for tests and explanations. */
export function featuresOf(text: string): Map<string, number> {
  const table = new FeatureTable();
  const counts = new Map<string, number>();
  table.scan(text, 1, (id, w) => {
    const name = table.names[id] ?? "";
    counts.set(name, (counts.get(name) ?? 0) + w);
  });
  return counts;
}
