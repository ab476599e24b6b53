import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { modelSite } from "../../src/build/build.ts";
import { DEFAULT_SITE_CONFIG } from "../../src/content/site-config.ts";
import { tagsThenNewest, tfidfCosine } from "../../src/relate/baselines.ts";
import type { RelateConfig } from "../../src/relate/config.ts";
import { RelatedIndex, type RelateInput } from "../../src/relate/engine.ts";

/**
 * The related-articles evaluation, read through the real pipeline, on two
 * sets: `eval` (tests/relate/eval: 85 articles in 12 stories with hard
 * negatives and noisy tags), the one the engine is tuned on, and `blind`
 * (tests/relate/blind: 96 articles in 28 stories, written by someone else
 * from the requirement alone), never tuned on, only read to confirm.
 * Precision@5: the share of sidebar picks from the article's own story.
 * Recall@5: the share of its story-mates found, out of at most 5.
 */
export type EvalSet = "eval" | "blind";

const setDir = (set: EvalSet): string => path.resolve(import.meta.dirname, "..", "relate", set);

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  /** Articles whose sidebar has a pick from another story. */
  readonly misses: number;
}

export interface Evaluation {
  readonly engine: Scores;
  readonly tagsThenNewest: Scores;
  readonly tfidfCosine: Scores;
  readonly articles: number;
}

export async function loadEvalSet(set: EvalSet = "eval"): Promise<{ inputs: readonly RelateInput[]; storyOf: ReadonlyMap<string, string> }> {
  const dir = setDir(set);
  const stories = parse(readFileSync(path.join(dir, "stories.yaml"), "utf8")) as Record<string, string[]>;
  const storyOf = new Map(Object.entries(stories).flatMap(([story, slugs]) => slugs.map((slug) => [slug, story] as const)));
  const site = await modelSite({ contentDir: path.join(dir, "content"), siteFile: undefined, now: Date.UTC(2030, 0, 1) });
  if (site.kind !== "modelled") throw new Error(`the ${set} evaluation set has errors`);
  return { inputs: site.built.relateInputs, storyOf };
}

function score(picks: ReadonlyMap<string, readonly string[]>, storyOf: ReadonlyMap<string, string>): Scores {
  const size = new Map<string, number>();
  for (const story of storyOf.values()) size.set(story, (size.get(story) ?? 0) + 1);
  let shown = 0;
  let correct = 0;
  let recallSum = 0;
  let withMates = 0;
  let misses = 0;
  for (const [slug, list] of picks) {
    const story = storyOf.get(slug);
    const mates = (size.get(story ?? "") ?? 1) - 1;
    const hits = list.filter((p) => storyOf.get(p) === story).length;
    shown += list.length;
    correct += hits;
    if (hits < list.length) misses++;
    if (mates > 0) {
      withMates++;
      recallSum += hits / Math.min(5, mates);
    }
  }
  return { precision: shown === 0 ? 0 : correct / shown, recall: withMates === 0 ? 0 : recallSum / withMates, misses };
}

export async function evaluate(config: RelateConfig = DEFAULT_SITE_CONFIG.related, set: EvalSet = "eval"): Promise<Evaluation> {
  const { inputs, storyOf } = await loadEvalSet(set);
  const count = 5;
  const engine = new RelatedIndex(inputs, { ...config, count, autoCheckAlso: false }).relateAll();
  const enginePicks = new Map([...engine].map(([slug, p]) => [slug, p.sidebar.map((s) => s.slug)]));
  return {
    engine: score(enginePicks, storyOf),
    tagsThenNewest: score(tagsThenNewest(inputs, count), storyOf),
    tfidfCosine: score(tfidfCosine(inputs, count), storyOf),
    articles: inputs.length,
  };
}
