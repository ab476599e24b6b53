import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_CONFIG } from "../../src/content/site-config.ts";
import { parseArticle } from "../../src/load/load-article.ts";
import { DEFAULT_RELATE_CONFIG } from "../../src/relate/config.ts";
import { RelatedIndex } from "../../src/relate/engine.ts";
import { articleFile } from "../support/article-file.ts";
import { type EvalSet, evaluate, loadEvalSet } from "../support/relate-eval.ts";

/**
 * Quality on the evaluation set (85 articles, 12 stories, hard negatives,
 * noisy tags), the one the engine is tuned on. Floors measured with the
 * default config on 4 December 2026, rounded down: precision@5 0.952,
 * recall@5 0.979. `npm run bench` prints the figures of both sets.
 */
describe("related articles on the evaluation set", async () => {
  const result = await evaluate();

  it("should keep precision@5 at or above the measured 0.95", () => {
    expect(result.engine.precision).toBeGreaterThanOrEqual(0.95);
  });

  it("should keep recall@5 at or above the measured 0.97", () => {
    expect(result.engine.recall).toBeGreaterThanOrEqual(0.97);
  });

  it("should beat both baselines on precision and on recall", () => {
    for (const baseline of [result.tagsThenNewest, result.tfidfCosine]) {
      expect(result.engine.precision).toBeGreaterThan(baseline.precision);
      expect(result.engine.recall).toBeGreaterThan(baseline.recall);
    }
  });

  it("should count a republished wire story once", async () => {
    const { inputs } = await loadEvalSet();
    const picks = new RelatedIndex(inputs, DEFAULT_RELATE_CONFIG).relateAll();
    const twins = [
      ["baghlan-flash-floods-kill-14", "floods-sweep-baghlan-districts-families-displaced"],
      ["torkham-border-shut-after-clash", "pakistan-afghanistan-close-torkham-trucks-stranded"],
    ] as const;
    for (const [a, b] of twins) {
      const all = (slug: string) => {
        const p = picks.get(slug);
        return [...(p?.checkAlso ? [p.checkAlso.slug] : []), ...(p?.sidebar.map((s) => s.slug) ?? [])];
      };
      expect(all(a)).not.toContain(b);
      expect(all(b)).not.toContain(a);
      for (const slug of picks.keys()) {
        const shown = all(slug);
        expect(shown.includes(a) && shown.includes(b), `${slug} shows both ${a} and ${b}`).toBe(false);
      }
    }
  });
});

/**
 * The gate of issue 21: on the tuning set and on the blind set (written by
 * someone else, never tuned on), the engine beats TF-IDF cosine over title
 * and whole body by at least 0.03 precision@5. Only the margin is held for
 * the blind set: a floor of its own would be a figure to tune against.
 */
describe("the engine against TF-IDF cosine on both sets", () => {
  for (const set of ["eval", "blind"] as const satisfies readonly EvalSet[]) {
    it(`should beat it by at least 0.03 precision@5 on tests/relate/${set}`, async () => {
      const { engine, tfidfCosine } = await evaluate(undefined, set);
      expect(engine.precision - tfidfCosine.precision).toBeGreaterThanOrEqual(0.03);
    });

    it(`should give the baseline the whole body of every article of tests/relate/${set}`, async () => {
      const { inputs } = await loadEvalSet(set);
      const content = path.resolve(import.meta.dirname, set, "content");
      const text = new Map(inputs.map((i) => [i.slug, i.text.at(-1)]));
      for (const section of readdirSync(content)) {
        for (const file of readdirSync(path.join(content, section))) {
          const name = file.replace(/\.md$/, "");
          const whole = parseArticle(readFileSync(path.join(content, section, file), "utf8"), articleFile(name, section), DEFAULT_SITE_CONFIG.timezone);
          expect(text.get(name), name).toBe(whole.article?.body.plainText);
        }
      }
    });
  }
});
