import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "../tests/support/random.ts";
import { zipf } from "./zipf.ts";

/**
 * A deterministic news corpus for the build benchmark: `count` articles of
 * 400-900 words in sections and outlets, filed from datelines by a staff of
 * authors, tagged from a Zipf-distributed vocabulary (a few tags on thousands
 * of articles, most on a handful), grouped into stories whose follow-ups
 * link back with Check Also. Bodies use what a newsroom writes: headings,
 * quotes, lists, links, and now and then (about one article in eight) a
 * table, a footnote, a strikethrough correction or a bare address. The same count and seed give the same bytes.
 */

export const SECTIONS = ["National", "Region", "World", "Business", "Sport", "Health", "Culture", "Opinion"] as const;
const OUTLETS = ["Kabul Ledger", "AT News", "Northern Wire", "Herat Daily", "Pamir Post", "Valley Times"];
const CITIES = [
  "KABUL",
  "HERAT",
  "MAZAR-I-SHARIF",
  "KANDAHAR",
  "JALALABAD",
  "KUNDUZ",
  "BAMYAN",
  "GHAZNI",
  "FAIZABAD",
  "TERMEZ",
  "ISLAMABAD",
  "TEHRAN",
  "DUSHANBE",
  "TASHKENT",
  "DOHA",
  "GENEVA",
  "NEW YORK",
  "LONDON",
  "DELHI",
  "ALMATY",
];
const SYLLABLES = [
  "ka",
  "bul",
  "her",
  "at",
  "mar",
  "zan",
  "dor",
  "li",
  "shir",
  "pan",
  "jo",
  "wak",
  "hel",
  "mand",
  "ru",
  "sto",
  "gar",
  "den",
  "ni",
  "ta",
  "pol",
  "vo",
  "ser",
  "kan",
  "di",
  "ra",
  "mo",
  "fe",
  "lu",
  "bas",
];
const COMMON =
  "the of and to in a that for on said with was as by at from were it has have will his their an officials government minister after would more than people which two last year week police water trade prices district province local team".split(
    " ",
  );

/** Now of every benchmark build: every generated article is published by then. */
export const CORPUS_NOW = "2026-11-30T12:00:00Z";

export interface CorpusArticle {
  readonly section: string;
  readonly slug: string;
  /** The whole file: front matter and body. */
  readonly text: string;
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function coined(rand: Rand, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += pick(rand, SYLLABLES);
  return w;
}
const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

interface Story {
  readonly id: number;
  readonly section: string;
  readonly names: readonly string[];
  readonly words: readonly string[];
  readonly tags: readonly string[];
  readonly slugs: string[];
}

export function generateCorpus(count: number, seed = 7): CorpusArticle[] {
  const rand = mulberry32(seed);
  const vocabulary = Array.from({ length: 6000 }, (_, i) => coined(rand, 2 + (i % 3)));
  const word = zipf(rand, [...COMMON, ...vocabulary]);
  const tagNames = Array.from({ length: Math.max(50, Math.round(count / 4)) }, (_, i) =>
    i < 40
      ? `${capital(coined(rand, 2))} ${pick(rand, ["elections", "floods", "trade", "health", "security", "water", "football", "cricket", "budget", "aid"])}`
      : capital(coined(rand, 3)),
  );
  const tag = zipf(rand, tagNames);
  const authors = Array.from({ length: 40 }, () => `${capital(coined(rand, 2))} ${capital(coined(rand, 3))}`);
  const start = Date.parse("2020-01-01T00:00:00Z");
  const span = Date.parse("2026-11-01T00:00:00Z") - start;
  const used = new Set<string>();
  const stories: Story[] = [];
  const articles: CorpusArticle[] = [];

  for (let i = 0; i < count; i++) {
    // A new story, or a follow-up to one of the last few dozen.
    let story = stories.length > 0 && rand() < 0.45 ? stories[stories.length - 1 - Math.floor(rand() * Math.min(40, stories.length))] : undefined;
    if (story === undefined) {
      const names = Array.from({ length: 3 }, () => `${capital(coined(rand, 2))} ${capital(coined(rand, 2))}`);
      story = {
        id: stories.length,
        section: pick(rand, SECTIONS),
        names,
        words: Array.from({ length: 8 }, () => coined(rand, 3)),
        tags: Array.from({ length: 1 + Math.floor(rand() * 3) }, tag),
        slugs: [],
      };
      stories.push(story);
    }
    const s = story;
    const sentence = (words: number): string => {
      const parts: string[] = [];
      for (let w = 0; w < words; w++) {
        const r = rand();
        parts.push(r < 0.08 ? pick(rand, s.words) : r < 0.11 ? pick(rand, s.names) : word());
      }
      const text = parts.join(" ");
      return `${capital(text)}.`;
    };
    const paragraph = (): string => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(10 + Math.floor(rand() * 14))).join(" ");

    let title = `${capital(pick(rand, s.words))} ${sentence(4 + Math.floor(rand() * 6))
      .slice(0, -1)
      .toLowerCase()}`;
    let slug = slugOf(title).slice(0, 70).replace(/-$/, "");
    for (let n = 2; used.has(slug); n++) slug = `${slugOf(title).slice(0, 60)}-${n}`;
    used.add(slug);
    title = title.replace(/"/g, "");

    const date = new Date(start + Math.floor((i / count) * span) + Math.floor(rand() * 3_600_000));
    const iso = `${date.toISOString().slice(0, 19)}+04:30`;
    const tags = [...new Set([...s.tags, ...Array.from({ length: 1 + Math.floor(rand() * 3) }, tag)])];
    const checkAlso = s.slugs.length > 0 && rand() < 0.5 ? s.slugs.slice(-1 - Math.floor(rand() * 2)) : [];
    const front = [
      "---",
      `title: "${title}"`,
      `date: ${iso}`,
      `dateline: ${pick(rand, CITIES)}`,
      `outlet: ${pick(rand, OUTLETS)}`,
      `author: ${pick(rand, authors)}`,
      `tags: [${tags.map((t) => `"${t}"`).join(", ")}]`,
      ...(rand() < 0.3 ? [`summary: "${sentence(14).replace(/"/g, "")}"`] : []),
      ...(checkAlso.length > 0 ? ["check_also:", ...checkAlso.map((c) => `  - ${c}`)] : []),
      "---",
    ];

    const blocks: string[] = [];
    const target = 400 + Math.floor(rand() * 500);
    let words = 0;
    let footnote = false;
    while (words < target) {
      const r = rand();
      let block: string;
      if (r < 0.08 && blocks.length > 1) block = `## ${capital(sentence(4).slice(0, -1))}`;
      else if (r < 0.16) block = `> "${sentence(16)}" said ${pick(rand, s.names)}.`;
      else if (r < 0.22) block = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `- ${sentence(8).slice(0, -1)}`).join("\n");
      else if (r < 0.26)
        block = `${paragraph()} Read the [full statement](https://example.org/${pick(rand, s.words)}/${i}) or [our earlier report](/${s.section.toLowerCase()}/${s.slugs.at(-1) ?? slug}/).`;
      else if (r < 0.2615)
        block = `| District | Families | Change |\n| --- | ---: | --- |\n| ${capital(pick(rand, s.words))} | ${Math.floor(rand() * 900)} | up |\n| ${capital(pick(rand, s.words))} | ${Math.floor(rand() * 900)} | down |`;
      else if (r < 0.2623 && !footnote) {
        footnote = true;
        block = `${paragraph()}[^1]\n\n[^1]: ${sentence(10)}`;
      } else if (r < 0.2633) block = `${paragraph()} ~~${sentence(4).slice(0, -1)}~~ ${sentence(6)}`;
      else if (r < 0.2663) block = `${paragraph()} Details at https://example.org/${pick(rand, s.words)}/${i}.`;
      else block = paragraph();
      words += block.split(/\s+/).length;
      blocks.push(block);
    }
    s.slugs.push(slug);
    articles.push({ section: s.section.toLowerCase(), slug, text: `${front.join("\n")}\n${blocks.join("\n\n")}\n` });
  }
  return articles;
}

export const siteYaml = (): string =>
  [
    "name: The Benchmark Ledger",
    "url: https://bench.example.org/",
    "language: en",
    "timezone: Asia/Kabul",
    "outlet: Kabul Ledger",
    "sections:",
    ...SECTIONS.map((s) => `  - title: ${s}`),
    "",
  ].join("\n");

/** Write the corpus as a content folder (`<dir>/content/<section>/<slug>.md`) with `<dir>/site.yaml`. */
export function writeCorpus(dir: string, count: number, seed = 7): { contentDir: string; siteFile: string } {
  const contentDir = path.join(dir, "content");
  for (const a of generateCorpus(count, seed)) {
    mkdirSync(path.join(contentDir, a.section), { recursive: true });
    writeFileSync(path.join(contentDir, a.section, `${a.slug}.md`), a.text);
  }
  const siteFile = path.join(dir, "site.yaml");
  writeFileSync(siteFile, siteYaml());
  return { contentDir, siteFile };
}

if (process.argv[1] === import.meta.filename) {
  const [dir, count] = process.argv.slice(2);
  if (dir === undefined) throw new Error("usage: tsx bench/corpus.ts <dir> [count]");
  writeCorpus(dir, Number(count ?? 1000));
}
