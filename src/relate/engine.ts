import type { RelateConfig } from "./config.ts";
import { addFeatures, normalizeTag } from "./tokenize.ts";

/**
 * The related-articles engine, in the manner of Hugo's related index: add
 * every article, finalize the weights, then search each one through inverted
 * indexes (never all pairs). Records in, picks out; it knows nothing of pages.
 */

/** What the engine needs of an article. Only published articles are given. */
export interface RelateInput {
  readonly slug: string;
  readonly title: string;
  /** Plain text of summary and body. */
  readonly text: string;
  readonly tags: readonly string[];
  readonly section: string;
  readonly outlet: string;
  readonly epoch: number;
  /** Slugs the editor put in the Check Also box: never in the sidebar. */
  readonly exclude: readonly string[];
  /** Whether the editor filled the Check Also box (then no automatic pick). */
  readonly hasCheckAlso: boolean;
}

export interface Contribution {
  readonly feature: string;
  readonly score: number;
}

/** Why a pick was made: what the two articles share, and how far apart they are. */
export interface Signals {
  readonly tags: readonly Contribution[];
  readonly terms: readonly Contribution[];
  readonly content: number;
  readonly daysApart: number;
  readonly sameSection: boolean;
  readonly sameOutlet: boolean;
}

export interface Pick {
  readonly slug: string;
  readonly score: number;
}

export interface Picks {
  readonly sidebar: readonly Pick[];
  /** The automatic Check Also pick, when the editor set none and the config allows. */
  readonly checkAlso: Pick | undefined;
}

/** A sparse vector: feature ids ascending, with L2-normalised weights. */
interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

const DAY = 86_400_000;
/** Names tie a story together more than words do. */
const NAME_BOOST = 1.5;
const TITLE_WEIGHT = 3;
const MIN_COMMON_TAG = 5;

class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(feature: string): number {
    let id = this.ids.get(feature);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(feature, id);
      this.names.push(feature);
    }
    return id;
  }
}

function toVector(entries: [number, number][]): Vector {
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1] / norm) };
}

function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) sum += (a.weights[i++] ?? 0) * (b.weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Per feature: documents and their weights, best first, cut at `max`. */
function buildPostings(vectors: readonly Vector[], featureCount: number, max: number): { docs: Int32Array; weights: Float64Array }[] {
  const lists: [number, number][][] = Array.from({ length: featureCount }, () => []);
  vectors.forEach((v, doc) => {
    for (let k = 0; k < v.ids.length; k++) lists[v.ids[k] ?? 0]?.push([doc, v.weights[k] ?? 0]);
  });
  return lists.map((list) => {
    if (list.length > max) {
      list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      list.length = max;
    }
    return { docs: Int32Array.from(list, (e) => e[0]), weights: Float64Array.from(list, (e) => e[1]) };
  });
}

export class RelatedIndex {
  private readonly inputs: readonly RelateInput[];
  private readonly config: RelateConfig;
  private readonly words = new Vocabulary();
  private readonly tagVocabulary = new Vocabulary();
  private readonly text: Vector[] = [];
  private readonly tagVectors: Vector[] = [];
  private readonly textPostings: ReturnType<typeof buildPostings>;
  private readonly tagPostings: ReturnType<typeof buildPostings>;
  private readonly bySlug = new Map<string, number>();

  constructor(inputs: readonly RelateInput[], config: RelateConfig) {
    this.inputs = inputs;
    this.config = config;
    const n = inputs.length;
    inputs.forEach((input, doc) => this.bySlug.set(input.slug, doc));

    // Term counts and document frequencies.
    const counts = inputs.map((input) => {
      const c = new Map<string, number>();
      addFeatures(c, input.title, TITLE_WEIGHT);
      addFeatures(c, input.text, 1, config.wordsPerArticle);
      return c;
    });
    const df: number[] = [];
    const docTerms = counts.map((c) => {
      const ids: [number, number][] = [];
      for (const [feature, tf] of c) {
        const id = this.words.id(feature);
        df[id] = (df[id] ?? 0) + 1;
        ids.push([id, tf]);
      }
      return ids;
    });
    for (const terms of docTerms) {
      const weighted: [number, number][] = terms.map(([id, tf]) => {
        const idf = Math.log(n / (df[id] ?? 1));
        const boost = this.words.names[id]?.startsWith("n:") ? NAME_BOOST : 1;
        return [id, (1 + Math.log(tf)) * idf * boost];
      });
      // Keep the most distinctive features: the vector a story is recognised by.
      weighted.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      this.text.push(toVector(weighted.slice(0, config.featuresPerArticle).filter(([, w]) => w > 0)));
    }

    // Tags, weighted by rarity; tags on too large a share of the archive say nothing.
    const tagDf: number[] = [];
    const docTags = inputs.map((input) => {
      const ids = [...new Set(input.tags.map(normalizeTag).filter((t) => t !== ""))].map((t) => this.tagVocabulary.id(t));
      for (const id of ids) tagDf[id] = (tagDf[id] ?? 0) + 1;
      return ids;
    });
    // A small archive shares every tag widely; only a tag on more than a handful of articles can be "over-common".
    const tagLimit = Math.max(MIN_COMMON_TAG, config.maxTagShare * n);
    for (const ids of docTags) {
      this.tagVectors.push(
        toVector(
          ids
            .filter((id) => (tagDf[id] ?? 0) > 1 && (tagDf[id] ?? 0) <= tagLimit)
            .map((id): [number, number] => [id, Math.log(n / (tagDf[id] ?? 1))]),
        ),
      );
    }
    this.textPostings = buildPostings(this.text, this.words.names.length, config.maxPostings);
    this.tagPostings = buildPostings(this.tagVectors, this.tagVocabulary.names.length, config.maxPostings);
  }

  /** The picks for every article, keyed by slug. */
  relateAll(): Map<string, Picks> {
    const n = this.inputs.length;
    const textScore = new Float64Array(n);
    const tagScore = new Float64Array(n);
    const seen = new Uint8Array(n);
    const result = new Map<string, Picks>();
    for (let doc = 0; doc < n; doc++) {
      result.set(this.inputs[doc]?.slug ?? "", this.search(doc, textScore, tagScore, seen));
    }
    return result;
  }

  /** Signals behind the pick of `other` for `slug`, for `npm run related`. */
  explain(slug: string, other: string): Signals | undefined {
    const a = this.bySlug.get(slug);
    const b = this.bySlug.get(other);
    if (a === undefined || b === undefined) return undefined;
    const shared = (x: Vector, y: Vector, vocabulary: Vocabulary, weight: number): Contribution[] => {
      const out: Contribution[] = [];
      for (let i = 0; i < x.ids.length; i++) {
        const id = x.ids[i] ?? 0;
        const j = y.ids.indexOf(id);
        if (j !== -1) out.push({ feature: vocabulary.names[id] ?? "", score: weight * (x.weights[i] ?? 0) * (y.weights[j] ?? 0) });
      }
      return out.sort((p, q) => q.score - p.score);
    };
    const tags = shared(this.tagVectors[a] as Vector, this.tagVectors[b] as Vector, this.tagVocabulary, this.config.tags);
    const terms = shared(this.text[a] as Vector, this.text[b] as Vector, this.words, this.config.text);
    const ia = this.inputs[a] as RelateInput;
    const ib = this.inputs[b] as RelateInput;
    return {
      tags,
      terms,
      content: [...tags, ...terms].reduce((s, c) => s + c.score, 0),
      daysApart: Math.abs(ia.epoch - ib.epoch) / DAY,
      sameSection: ia.section === ib.section,
      sameOutlet: ia.outlet === ib.outlet,
    };
  }

  private search(doc: number, textScore: Float64Array, tagScore: Float64Array, seen: Uint8Array): Picks {
    const cfg = this.config;
    const me = this.inputs[doc] as RelateInput;
    const touched: number[] = [];
    const accumulate = (vector: Vector, postings: ReturnType<typeof buildPostings>, into: Float64Array): void => {
      for (let k = 0; k < vector.ids.length; k++) {
        const list = postings[vector.ids[k] ?? 0];
        if (!list) continue;
        const w = vector.weights[k] ?? 0;
        for (let p = 0; p < list.docs.length; p++) {
          const other = list.docs[p] ?? 0;
          if (seen[other] === 0) {
            seen[other] = 1;
            touched.push(other);
          }
          into[other] = (into[other] ?? 0) + w * (list.weights[p] ?? 0);
        }
      }
    };
    accumulate(this.text[doc] as Vector, this.textPostings, textScore);
    accumulate(this.tagVectors[doc] as Vector, this.tagPostings, tagScore);

    const excluded = new Set(me.exclude);
    const candidates: { doc: number; score: number; epoch: number; slug: string }[] = [];
    for (const other of touched) {
      const content = cfg.text * (textScore[other] ?? 0) + cfg.tags * (tagScore[other] ?? 0);
      textScore[other] = 0;
      tagScore[other] = 0;
      seen[other] = 0;
      const them = this.inputs[other] as RelateInput;
      if (other === doc || content < cfg.minScore || excluded.has(them.slug)) continue;
      const days = Math.abs(me.epoch - them.epoch) / DAY;
      const closeness = 2 ** (-days / cfg.halfLifeDays);
      const score =
        content * (1 + cfg.recency * closeness + (me.section === them.section ? cfg.section : 0)) +
        (me.outlet === them.outlet ? cfg.outlet : 0);
      candidates.push({ doc: other, score, epoch: them.epoch, slug: them.slug });
    }
    candidates.sort((a, b) => b.score - a.score || b.epoch - a.epoch || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

    // Greedy, skipping near-duplicates of the article or of a pick: a republished wire story counts once.
    const wanted = cfg.count + (cfg.autoCheckAlso && !me.hasCheckAlso ? 1 : 0);
    const chosen: { doc: number; score: number; slug: string }[] = [];
    const myText = this.text[doc] as Vector;
    for (const c of candidates) {
      if (chosen.length >= wanted) break;
      const cText = this.text[c.doc] as Vector;
      if (dot(myText, cText) >= cfg.duplicateSimilarity) continue;
      if (chosen.some((p) => dot(this.text[p.doc] as Vector, cText) >= cfg.duplicateSimilarity)) continue;
      chosen.push(c);
    }
    const picks = chosen.map((c) => ({ slug: c.slug, score: Math.round(c.score * 1e6) / 1e6 }));
    if (cfg.autoCheckAlso && !me.hasCheckAlso) return { checkAlso: picks[0], sidebar: picks.slice(1) };
    return { checkAlso: undefined, sidebar: picks };
  }
}
