import { at } from "./column.ts";
import type { RelateInput } from "./engine.ts";
import { FeatureTable, normalizeTag } from "./tokenize.ts";

/**
 * Two simple rules the engine is measured against (tests/relate, bench/):
 * what a generator does out of the box. All pairs: for evaluation sets only.
 */

const bySlug = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** "Most shared tags, then newest": the usual blog-starter rule. */
export function tagsThenNewest(inputs: readonly RelateInput[], count: number): Map<string, string[]> {
  const tags = inputs.map((i) => new Set(i.tags.map(normalizeTag)));
  return new Map(
    inputs.map((me, i) => {
      const mine = at(tags, i);
      const excluded = new Set([me.slug, ...me.exclude]);
      const scored = inputs
        .map((other, j) => ({ other, shared: [...at(tags, j)].filter((t) => mine.has(t)).length }))
        .filter((s) => !excluded.has(s.other.slug) && s.shared > 0)
        .sort((a, b) => b.shared - a.shared || b.other.epoch - a.other.epoch || bySlug(a.other.slug, b.other.slug));
      return [me.slug, scored.slice(0, count).map((s) => s.other.slug)];
    }),
  );
}

/** Plain TF-IDF cosine over title and text, every word counted once per occurrence. */
export function tfidfCosine(inputs: readonly RelateInput[], count: number): Map<string, string[]> {
  const table = new FeatureTable();
  const counts = inputs.map((i) => {
    const c = new Map<string, number>();
    table.scan([i.title, ...i.text], 1, (id) => {
      const feature = at(table.names, id);
      if (!feature.startsWith("n:")) c.set(feature, (c.get(feature) ?? 0) + 1);
    });
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, tf] of c) {
      const w = tf * Math.log(inputs.length / (df.get(term) ?? 1));
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
  return new Map(
    inputs.map((me, i) => {
      const mine = at(vectors, i);
      const excluded = new Set([me.slug, ...me.exclude]);
      const scored = inputs
        .map((other, j) => {
          let sim = 0;
          for (const [term, w] of at(vectors, j)) sim += w * (mine.get(term) ?? 0);
          return { other, sim };
        })
        .filter((s) => !excluded.has(s.other.slug) && s.sim > 0)
        .sort((a, b) => b.sim - a.sim || b.other.epoch - a.other.epoch || bySlug(a.other.slug, b.other.slug));
      return [me.slug, scored.slice(0, count).map((s) => s.other.slug)];
    }),
  );
}
