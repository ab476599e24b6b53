import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load/load-article.ts";
import { FeatureTable, leadingWords } from "../../src/relate/tokenize.ts";
import { articleFile } from "../support/article-file.ts";
import { mulberry32 } from "../support/random.ts";

/** The features a fresh table's scan of `parts` yields, by name, in order, reading at most `maxWords` words. */
function features(parts: readonly string[], maxWords: number): string[] {
  const table = new FeatureTable();
  const seen: number[] = [];
  table.scan(parts, 1, (feature) => seen.push(feature), maxWords);
  return seen.map((id) => table.names[id] as string);
}

// Pieces that sit on every kind of word boundary the scanner knows: joined by hyphens and
// apostrophes, possessives, runs of names across a sentence end or a comma, digits, marks alone.
const PIECES = [
  "Wahid",
  "Sharifi",
  "well-known",
  "Kabul's",
  "don't",
  "floods",
  "2026",
  "—",
  "/",
  "U.N.",
  "Mazar-i-Sharif",
  "aid.",
  "convoys,",
  "Baghlan",
  "’s",
  "-",
  "ساختمان",
  "Ölçek",
  "x",
  "!",
];

function randomText(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push((PIECES[Math.floor(random() * PIECES.length)] as string) + (random() < 0.1 ? "\n" : " "));
  return out.join("");
}

describe("leadingWords", () => {
  it("should keep all that a scan of at most that many words reads, after any summary before it", () => {
    const random = mulberry32(7);
    for (let round = 0; round < 100; round++) {
      const body = randomText(random, Math.floor(random() * 120));
      const summary = randomText(random, Math.floor(random() * 8));
      const words = 1 + Math.floor(random() * 60);
      const kept = leadingWords(body, words);
      expect(body.startsWith(kept)).toBe(true);
      expect(features([summary, kept], words)).toEqual(features([summary, body], words));
    }
  });

  it("should cut a long text and leave a short one whole", () => {
    expect(leadingWords("Floods hit Baghlan. Aid convoys reached Nahrin on Monday.", 3)).toBe("Floods hit Baghlan. ");
    expect(leadingWords("A well-known road, Kabul's.", 3)).toBe("A well-known road, ");
    expect(leadingWords("Two words.", 200)).toBe("Two words.");
  });

  it("should be what an article keeps of its body when the build reads so many words of it", () => {
    const source =
      "---\ntitle: Floods\ndate: 2026-10-14T09:30:00+04:30\ndateline: Kabul\n---\nFloods hit Baghlan province on Monday.\n\nAid convoys reached Nahrin district by nightfall.\n";
    const whole = parseArticle(source, articleFile("floods", "national"), "Asia/Kabul").article?.body.plainText ?? "";
    const kept = parseArticle(source, articleFile("floods", "national"), "Asia/Kabul", [], 5).article?.body.plainText;
    expect(whole).toContain("nightfall");
    expect(kept).toBe(leadingWords(whole, 5));
    expect(kept).not.toContain("Monday");
  });
});
