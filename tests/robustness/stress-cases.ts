/**
 * The inputs of the stress tests, shared by `stress.test.ts` (which names
 * them) and `stress-child.ts` (which builds and parses them in a child
 * process). Every input is generated in memory, deterministically.
 */
import { MAX_BODY_LENGTH } from "../../src/markdown/remark-parse-body.ts";
import { mulberry32 as prng } from "../support/random.ts";

export interface DiagnosticSummary {
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type CaseReport =
  | {
      readonly kind: "returned";
      readonly seconds: number;
      readonly inputLength: number;
      readonly lineCount: number;
      /** Length of the rendered body, when an article came back. */
      readonly htmlLength: number | undefined;
      readonly diagnostics: readonly DiagnosticSummary[];
    }
  | {
      readonly kind: "threw";
      readonly seconds: number;
      readonly inputLength: number;
      readonly error: string;
      readonly stack: readonly string[];
    };

const FRONT_MATTER = "---\ntitle: Stress test\ndate: 2026-10-14T09:30:00+04:30\ndateline: Kabul\n---\n";

/** An article with `body` under valid front matter. */
const article = (body: string): string => `${FRONT_MATTER}${body}\n`;

const WORDS = (
  "officials said the floodwaters swept through villages overnight destroying homes and cutting the main road " +
  "to the capital aid agencies warned that thousands of families needed clean water food tents and medicine " +
  "the provincial governor spokesman told reporters damage was still being assessed and the toll could rise " +
  "farmers lost their harvest and livestock while schools were closed for the rest of the week in the district"
).split(" ");
const PLACES = ["Kabul", "Baghlan", "Pul-e-Khumri", "Herat", "Kandahar", "Mazar-i-Sharif", "Jalalabad", "Kunduz"];

/** Realistic news copy: paragraphs, headings, lists, quotes, links, emphasis, code; about `bytes` long. */
export function newsBody(bytes: number, seed = 42): string {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = (): string => {
    const n = 8 + Math.floor(random() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const roll = random();
      const word = pick(WORDS);
      if (roll < 0.03) words.push(`*${word}*`);
      else if (roll < 0.05) words.push(`**${pick(PLACES)}**`);
      else if (roll < 0.07) words.push(`[${word} ${pick(WORDS)}](https://example.org/${pick(PLACES).toLowerCase()}/${Math.floor(random() * 1e6)})`);
      else if (roll < 0.08) words.push(`\`${word}\``);
      else words.push(word);
    }
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(random() * 4) }, sentence).join(" ");
  const blocks: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const roll = random();
    let block: string;
    if (n % 12 === 0) block = `## ${pick(PLACES)}: update ${n / 12 + 1}`;
    else if (roll < 0.1) block = Array.from({ length: 2 + Math.floor(random() * 4) }, () => `- ${sentence()}`).join("\n");
    else if (roll < 0.15) block = Array.from({ length: 2 + Math.floor(random() * 3) }, (_, i) => `${i + 1}. ${sentence()}`).join("\n");
    else if (roll < 0.22) block = `> ${sentence()}\n> ${sentence()}`;
    else block = paragraph();
    blocks.push(block);
    size += block.length + 2;
    n++;
  }
  return blocks.join("\n\n");
}

/** A line of prose (words and punctuation, no markup), exactly `length` characters. */
function proseLine(length: number): string {
  const random = prng(7);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? "news";
    const piece = random() < 0.1 ? `${word}, ` : random() < 0.05 ? `${word}. ` : `${word} `;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join("").slice(0, length);
}

const DEPTH = 5000;

/** 9 × 9 × … references per level: the "billion laughs" shape, in YAML anchors and aliases. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = "abcdefghij";
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1] ?? "a";
    lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: 9 }, () => `*${prev}`).join(", ")}]`);
  }
  return `---\n${lines.join("\n")}\ntitle: *j\ndate: 2026-10-14T09:30:00+04:30\n---\nBody.\n`;
}

/** Every case by name: a function that builds the whole article text. */
export const STRESS_CASES: Readonly<Record<string, () => string>> = {
  /** (a) About 25 MB of realistic news copy. */
  "big-article": () => article(newsBody(25 * 1024 * 1024)),
  /** (a) The longest body allowed: news copy just under MAX_BODY_LENGTH. */
  "largest-article": () => article(newsBody(MAX_BODY_LENGTH - 2000).slice(0, MAX_BODY_LENGTH - 10)),
  /** (b) 5,000 nested block quotes on one line. */
  "nested-blockquotes": () => article(`${"> ".repeat(DEPTH)}deep`),
  /**
   * (b) 5,000 nested lists. Each `- ` opens a list inside the previous item,
   * two columns further right: the indentation grows with the depth while the
   * text stays 10 kB. (One level per line would need 2 × 5,000² / 2 = 25 MB
   * of indentation alone.)
   */
  "nested-lists": () => article(`${"- ".repeat(DEPTH)}deep`),
  /** (b) 5,000 levels of emphasis: a run of 10,000 `*` each side makes 5,000 nested `<strong>`. */
  "nested-emphasis": () => article(`${"*".repeat(2 * DEPTH)}deep${"*".repeat(2 * DEPTH)}`),
  /** (b) 5,000 opening brackets and 5,000 closing ones. */
  "nested-brackets": () => article(`${"[".repeat(DEPTH)}deep${"]".repeat(DEPTH)}`),
  /** (b) 5,000 links inside each other's text (CommonMark keeps only the innermost). */
  "nested-links": () => article(`${"[".repeat(DEPTH)}deep${"](https://example.org/)".repeat(DEPTH)}`),
  /** (b) 5,000 images inside each other's alt text. */
  "nested-images": () => article(`${"![".repeat(DEPTH)}deep${"](https://example.org/a.png)".repeat(DEPTH)}`),
  /** (b) 100,000 `>` on one line: as many nested block quotes. */
  "many-gt": () => article(">".repeat(100_000)),
  /** (b) One line of 1,000,000 characters of prose. */
  "long-line": () => article(proseLine(1_000_000)),
  /** (c) A title that is 5,000 nested flow sequences. */
  "yaml-deep-flow": () => `---\ntitle: ${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}\ndate: 2026-10-14T09:30:00+04:30\n---\nBody.\n`,
  /** (c) A title that is 5,000 nested flow mappings. */
  "yaml-deep-flow-map": () => `---\ntitle: ${"{a: ".repeat(DEPTH)}x${"}".repeat(DEPTH)}\ndate: 2026-10-14T09:30:00+04:30\n---\nBody.\n`,
  /** (c) 9^9 (387 million) "lol"s from 90 aliases. */
  "yaml-alias-bomb": aliasBomb,
};

/**
 * Inline bodies from published ReDoS and quadratic-time reports against
 * Markdown parsers, as functions of their length in characters: marked
 * CVE-2022-21680 / CVE-2022-21681 (`[x]:` then spaces, runs of `*` or `_`),
 * markdown-it GHSA-38c4-r59v-3vqw (unclosed `*` and `_` runs), commonmarker
 * #147 and cmark's pathological tests (nested and alternating delimiters,
 * unclosed links, backtick runs, `<` runs). Each must cost time about
 * linear in its length (pathological.test.ts).
 */
const cycle = (unit: string, n: number): string => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

export const PATHOLOGICAL: Readonly<Record<string, (n: number) => string>> = {
  "stars then a letter": (n) => `${"*".repeat(n)}a`,
  "alternating *a_": (n) => cycle("*a_", n),
  "alternating _a*": (n) => cycle("_a*", n),
  "a* runs (closers and openers)": (n) => cycle("a*", n),
  "a_ runs": (n) => cycle("a_", n),
  "**a* runs": (n) => cycle("**a*", n),
  "*_ pairs then a letter": (n) => `${cycle("*_", n)}a`,
  "unclosed <a": (n) => cycle("<a", n),
  "unclosed <a with spaces": (n) => cycle("<a ", n),
  "unclosed <": (n) => `${"<".repeat(n)}a`,
  "backtick run": (n) => "`".repeat(n),
  "unclosed backtick runs": (n) => cycle("a`", n),
  "spaces then @": (n) => `${" ".repeat(n)}@`,
  "text, spaces then @": (n) => `a${" ".repeat(n)}@`,
  "[x]: then spaces": (n) => `[x]:${" ".repeat(n)}`,
  "[x]: then spaces then text": (n) => `[x]:${" ".repeat(n)}x`,
  "unclosed link title": (n) => `[a](b "${"\\".repeat(Math.floor(n / 2))}`,
  "unclosed brackets": (n) => cycle("[a", n),
  "unclosed image labels": (n) => cycle("![a", n),
  "unclosed autolinks": (n) => cycle("<http://", n),
  "many &": (n) => "&".repeat(n),
  "dots after an address": (n) => `a@${cycle("a.", n)}`,
  "www with dots": (n) => `www.${cycle("a.", n)}`,
  "open parentheses after an address": (n) => `http://a.b/${"(".repeat(n)}`,
  "closing parentheses after www": (n) => `www.a.b/${")".repeat(n)}`,
  "unclosed comments": (n) => cycle("<!--", n),
  "nested parentheses in a destination": (n) => `[a](${"(".repeat(n)}`,
  "~a runs (strikethrough)": (n) => cycle("~a", n),
  "~~a~ runs": (n) => cycle("~~a~", n),
  "table header with many cells": (n) => `${cycle("|a", n)}\n|-|\n`,
  "unclosed link destinations": (n) => cycle("[a](", n),
  "unclosed link destinations with text": (n) => cycle("[a](b ", n),
  "unclosed image destinations": (n) => cycle("![a](", n),
  "task list markers on one line": (n) => cycle("- [ ] ", n),
  "checked task list markers on one line": (n) => cycle("- [x] ", n),
  "labels closed by nothing": (n) => cycle("a]", n),
};
