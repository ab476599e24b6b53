import type { RelateInput } from "../src/relate/engine.ts";
import { mulberry32 } from "../tests/support/random.ts";
import { zipf } from "./zipf.ts";

/**
 * A deterministic synthetic news archive for benchmarks: stories of 2-8
 * articles over a few weeks, each with its own words and names, written
 * over a shared Zipf-distributed vocabulary, with broad and story tags.
 */

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

function word(rand: () => number, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

export interface SyntheticArticle extends RelateInput {
  readonly story: number;
}

export function syntheticArchive(count: number, seed = 1): SyntheticArticle[] {
  const rand = mulberry32(seed);
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `${word(rand, 2 + (i % 3))}${i}`);
  const common = zipf(rand, vocabulary);
  const sections = ["national", "region", "world", "business", "sport", "health"];
  const broadTags = ["Afghanistan", "economy", "government", "health", "sport", "trade", "water", "prices", "security", "education"];
  const outlets = ["Kabul Ledger", "AT News", "Ledger Wire"];
  const start = Date.UTC(2016, 0, 1);
  const span = 10 * 365 * 86_400_000;

  const articles: SyntheticArticle[] = [];
  let story = 0;
  while (articles.length < count) {
    const size = 2 + Math.floor(rand() * 7);
    const words = Array.from({ length: 15 }, () => word(rand, 3));
    const names = Array.from({ length: 4 }, () => `${capital(word(rand, 2))} ${capital(word(rand, 3))}`);
    const section = sections[Math.floor(rand() * sections.length)] ?? "national";
    const storyTag = `${words[0]} ${words[1]}`;
    const begins = start + Math.floor(rand() * span);
    for (let k = 0; k < size && articles.length < count; k++) {
      const parts: string[] = [];
      for (let w = 0; w < 330; w++) {
        const r = rand();
        if (r < 0.08) parts.push(words[Math.floor(rand() * words.length)] ?? "");
        else if (r < 0.1) parts.push(names[Math.floor(rand() * names.length)] ?? "");
        else parts.push(common());
        if (w % 18 === 17) parts.push(".");
      }
      const tags = [broadTags[Math.floor(rand() * broadTags.length)] ?? "", broadTags[Math.floor(rand() * broadTags.length)] ?? ""];
      if (rand() < 0.65) tags.push(storyTag);
      articles.push({
        slug: `s${story}-a${k}`,
        title: `${capital(words[Math.floor(rand() * 5)] ?? "")} ${common()} ${words[Math.floor(rand() * words.length)]} ${common()}`,
        text: [parts.join(" ")],
        tags,
        language: "en",
        section,
        outlet: outlets[Math.floor(rand() * outlets.length)] ?? "",
        epoch: begins + Math.floor(rand() * 21 * 86_400_000),
        exclude: [],
        hasCheckAlso: false,
        story,
      });
    }
    story++;
  }
  return articles;
}

function capital(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
