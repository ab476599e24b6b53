import type { RelateConfig } from "./config.ts";
import { FeatureTable, normalizeTag } from "./tokenize.ts";
import { Names } from "./names.ts";

/**
 * The related-articles engine, in the manner of Hugo's related index: add
 * every article, finalize the weights, then search each one through inverted
 * indexes (never all pairs). Records in, picks out; it knows nothing of pages.
 */

/** What the engine needs of an article. Only published articles are given. */
export interface RelateInput {
  readonly slug: string;
  readonly title: string;
  /** Plain text of the summary and of the body, read as one with a line break between (tokenize.ts). */
  readonly text: readonly string[];
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

const DAY = 86_400_000;
/** Names tie a story together more than words do. */
const NAME_BOOST = 1.5;
const TITLE_WEIGHT = 3;
/** In a small archive every tag is widely shared; only a tag on more than this many articles can be over-common. */
const MIN_COMMON_TAG = 5;
/** Features both articles need before they can count as the same story republished. */
const MIN_DUPLICATE_FEATURES = 12;

/** A growable column of numbers. */
class Column<T extends Int32Array | Float32Array | Float64Array> {
  length = 0;
  constructor(public data: T) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Sparse vectors of all articles in compressed rows: article d's features
 * are `ids[start[d]..start[d+1])`, ascending, with L2-normalised weights.
 * A handful of big arrays instead of two small ones per article: at 100,000
 * articles the garbage collector's time was otherwise a third of the total.
 */
interface Rows {
  readonly start: Int32Array;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Feature ids and counts of one article, gathered without a Map per article. */
class Counter {
  private counts = new Float64Array(1 << 16);
  readonly touched: number[] = [];
  add(id: number, weight: number): void {
    if (id >= this.counts.length) {
      const bigger = new Float64Array(Math.max(id + 1, this.counts.length * 2));
      bigger.set(this.counts);
      this.counts = bigger;
    }
    if (this.counts[id] === 0) this.touched.push(id);
    this.counts[id] = (this.counts[id] ?? 0) + weight;
  }
  count(id: number): number {
    return this.counts[id] ?? 0;
  }
  reset(): void {
    for (const id of this.touched) this.counts[id] = 0;
    this.touched.length = 0;
  }
}

/** Scratch buffers reused across rows, so selecting a row makes no garbage. */
class RowScratch {
  weights = new Float64Array(1024);
  sorted = new Float64Array(1024);
  chosen = new Int32Array(1024);
  fit(n: number): void {
    if (n <= this.weights.length) return;
    const size = Math.max(n, this.weights.length * 2);
    this.weights = new Float64Array(size);
    this.sorted = new Float64Array(size);
    this.chosen = new Int32Array(size);
  }
}

/**
 * Append one article's row: its `keep` largest positive weights, normalised,
 * ordered by id. Ties at the cut go to the lower id, so the row does not
 * depend on the order the words were met. Native typed-array sorts, scratch
 * buffers and a scratch array by feature id: comparator sorts and fresh
 * arrays per article were a large share of indexing time.
 */
function appendRow(
  ids: Column<Int32Array>,
  weights: Column<Float64Array>,
  rowIds: Int32Array,
  rowWeights: Float64Array,
  n: number,
  keep: number,
  byId: Float64Array,
  scratch: RowScratch,
): void {
  let threshold = 0;
  if (n > keep) {
    const values = scratch.sorted.subarray(0, n);
    values.set(rowWeights.subarray(0, n));
    threshold = select(values, n - keep);
  }
  let above = 0;
  for (let k = 0; k < n; k++) if ((rowWeights[k] ?? 0) > threshold) above++;
  let tiesLeft = keep - above;
  const chosen = scratch.chosen;
  let count = 0;
  const tied: number[] = [];
  for (let k = 0; k < n; k++) {
    const w = rowWeights[k] ?? 0;
    if (w <= 0) continue;
    const id = rowIds[k] ?? 0;
    byId[id] = w;
    if (w > threshold) chosen[count++] = id;
    else if (w === threshold) tied.push(id);
  }
  // Ties at the threshold: take them in ascending id order.
  if (tied.length > 0 && tiesLeft > 0) {
    tied.sort((a, b) => a - b);
    for (const id of tied) {
      if (tiesLeft-- <= 0) break;
      chosen[count++] = id;
    }
  }
  const row = chosen.subarray(0, count).sort();
  let norm = 0;
  for (let k = 0; k < count; k++) norm += (byId[row[k] ?? 0] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < count; k++) {
    const id = row[k] ?? 0;
    ids.push(id);
    weights.push((byId[id] ?? 0) / norm);
  }
}

/**
 * The value that would sit at index `k` if `values` were sorted ascending
 * (Hoare's quickselect, median-of-three pivots): linear on average, where a
 * full sort of every row was a fifth of indexing time. Reorders `values`.
 */
export function select(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const mid = (low + high) >>> 1;
    const a = values[low]!;
    const b = values[mid]!;
    const c = values[high]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** Views, not copies: the columns were sized for the rows up front, and copying 100,000 rows touched 80 MB more. */
function rows(start: Column<Int32Array>, ids: Column<Int32Array>, weights: Column<Float64Array>): Rows {
  return { start: start.data.subarray(0, start.length), ids: ids.data.subarray(0, ids.length), weights: weights.data.subarray(0, weights.length) };
}

function dot(rows: Rows, a: number, b: number): number {
  const { start, ids, weights } = rows;
  let i = start[a] ?? 0;
  const iEnd = start[a + 1] ?? 0;
  let j = start[b] ?? 0;
  const jEnd = start[b + 1] ?? 0;
  let sum = 0;
  while (i < iEnd && j < jEnd) {
    const x = ids[i] ?? 0;
    const y = ids[j] ?? 0;
    if (x === y) sum += (weights[i++] ?? 0) * (weights[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * The inverted index, in compressed rows: for feature f, the articles
 * `docs[start[f]..start[f+1])` and their weights. A feature on more than
 * `max` articles is not indexed at all: it says little about any story, and
 * scanning it would make the cost grow with the square of the archive. It
 * still counts in the near-duplicate check, which compares whole vectors.
 */
interface Postings {
  readonly start: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

function buildPostings(vectors: Rows, featureCount: number, max: number): Postings {
  const length = new Int32Array(featureCount);
  for (const id of vectors.ids) length[id] = (length[id] ?? 0) + 1;
  const start = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) start[f + 1] = (start[f] ?? 0) + ((length[f] ?? 0) <= max ? (length[f] ?? 0) : 0);
  const docs = new Int32Array(start[featureCount] ?? 0);
  const weights = new Float64Array(docs.length);
  const fill = start.slice(0, featureCount);
  const documents = vectors.start.length - 1;
  for (let doc = 0; doc < documents; doc++) {
    for (let k = vectors.start[doc] ?? 0; k < (vectors.start[doc + 1] ?? 0); k++) {
      const f = vectors.ids[k] ?? 0;
      if ((length[f] ?? 0) > max) continue;
      const at = fill[f] ?? 0;
      docs[at] = doc;
      weights[at] = vectors.weights[k] ?? 0;
      fill[f] = at + 1;
    }
  }
  return { start, docs, weights };
}

export class RelatedIndex {
  private readonly inputs: readonly RelateInput[];
  private readonly config: RelateConfig;
  private readonly words = new FeatureTable();
  private readonly tagNames = new Names();
  private readonly text: Rows;
  private readonly tags: Rows;
  private readonly textPostings: Postings;
  private readonly tagPostings: Postings;
  private readonly bySlug = new Map<string, number>();
  private readonly epochs: Float64Array;
  /** Section and outlet as small numbers, compared in the inner loop. */
  private readonly sections: Int32Array;
  private readonly outlets: Int32Array;
  // Scratch for the best candidates of one search.
  private readonly bestDoc: Int32Array;
  private readonly bestScore: Float64Array;

  constructor(inputs: readonly RelateInput[], config: RelateConfig) {
    this.inputs = inputs;
    this.config = config;
    const n = inputs.length;
    inputs.forEach((input, doc) => this.bySlug.set(input.slug, doc));
    this.epochs = Float64Array.from(inputs, (i) => i.epoch);
    const sectionIds = new Names();
    const outletIds = new Names();
    this.sections = Int32Array.from(inputs, (i) => sectionIds.id(i.section));
    this.outlets = Int32Array.from(inputs, (i) => outletIds.id(i.outlet));
    this.bestDoc = new Int32Array((config.count + 1) * 3 + 2);
    this.bestScore = new Float64Array(this.bestDoc.length);

    // Pass 1: each article's feature counts, and how many articles have each feature.
    const counter = new Counter();
    const add = (feature: number, weight: number): void => counter.add(feature, weight);
    const countStart = new Column(new Int32Array(n + 1));
    // About 120 distinct features per article read: sized once, grown rarely.
    const countIds = new Column(new Int32Array(n * 128 + 1024));
    // Counts are small integers: exact in 32 bits, and half the memory to touch.
    const counts = new Column(new Float32Array(n * 128 + 1024));
    let df = new Int32Array(1 << 16);
    countStart.push(0);
    for (const input of inputs) {
      this.words.scan([input.title], TITLE_WEIGHT, add);
      this.words.scan(input.text, 1, add, config.wordsPerArticle);
      if (this.words.names.length > df.length) {
        const bigger = new Int32Array(Math.max(this.words.names.length, df.length * 2));
        bigger.set(df);
        df = bigger;
      }
      for (const id of counter.touched) {
        df[id] = (df[id] ?? 0) + 1;
        countIds.push(id);
        counts.push(counter.count(id));
      }
      counter.reset();
      countStart.push(countIds.length);
    }

    // Pass 2: TF-IDF weights; keep each article's most distinctive features.
    const featureCount = this.words.names.length;
    const idf = new Float64Array(featureCount);
    for (let f = 0; f < featureCount; f++) {
      const d = df[f] ?? 0;
      // A feature of one article alone relates it to nothing: it would only dilute the vector.
      idf[f] = (d > 1 ? Math.log(n / d) : 0) * (this.words.names[f]?.startsWith("n:") ? NAME_BOOST : 1);
    }
    const textStart = new Column(new Int32Array(n + 1));
    const textIds = new Column(new Int32Array(n * config.featuresPerArticle + 16));
    const textWeights = new Column(new Float64Array(n * config.featuresPerArticle + 16));
    textStart.push(0);
    const byFeature = new Float64Array(featureCount);
    const scratch = new RowScratch();
    for (let doc = 0; doc < n; doc++) {
      const from = countStart.data[doc] ?? 0;
      const to = countStart.data[doc + 1] ?? 0;
      const length = to - from;
      scratch.fit(length);
      const rowWeights = scratch.weights;
      for (let k = 0; k < length; k++) {
        rowWeights[k] = (1 + Math.log(counts.data[from + k] ?? 1)) * (idf[countIds.data[from + k] ?? 0] ?? 0);
      }
      appendRow(textIds, textWeights, countIds.data.subarray(from, to), rowWeights, length, config.featuresPerArticle, byFeature, scratch);
      textStart.push(textIds.length);
    }
    this.text = rows(textStart, textIds, textWeights);

    // Tags, weighted by rarity; tags on too large a share of the archive say nothing.
    const docTags = inputs.map((input) => {
      const ids = [...new Set(input.tags.map(normalizeTag).filter((t) => t !== ""))].map((t) => this.tagNames.id(t));
      return Int32Array.from(ids);
    });
    const tagDf = new Int32Array(this.tagNames.names.length);
    for (const ids of docTags) for (const id of ids) tagDf[id] = (tagDf[id] ?? 0) + 1;
    const tagLimit = Math.max(MIN_COMMON_TAG, config.maxTagShare * n);
    const tagStart = new Column(new Int32Array(n + 1));
    const tagIds = new Column(new Int32Array(n * 2 + 16));
    const tagWeights = new Column(new Float64Array(n * 2 + 16));
    tagStart.push(0);
    const byTag = new Float64Array(this.tagNames.names.length);
    for (const ids of docTags) {
      const weights = new Float64Array(ids.length);
      for (let k = 0; k < ids.length; k++) {
        const d = tagDf[ids[k] ?? 0] ?? 0;
        weights[k] = d > 1 && d <= tagLimit ? Math.log(n / d) : 0;
      }
      scratch.fit(ids.length);
      appendRow(tagIds, tagWeights, ids, weights, ids.length, ids.length, byTag, scratch);
      tagStart.push(tagIds.length);
    }
    this.tags = rows(tagStart, tagIds, tagWeights);
    this.textPostings = buildPostings(this.text, featureCount, config.maxPostings);
    this.tagPostings = buildPostings(this.tags, this.tagNames.names.length, config.maxPostings);
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
    const shared = (r: Rows, names: readonly string[], weight: number): Contribution[] => {
      const out: Contribution[] = [];
      for (let i = r.start[a] ?? 0; i < (r.start[a + 1] ?? 0); i++) {
        for (let j = r.start[b] ?? 0; j < (r.start[b + 1] ?? 0); j++) {
          if (r.ids[i] === r.ids[j]) out.push({ feature: names[r.ids[i] ?? 0] ?? "", score: weight * (r.weights[i] ?? 0) * (r.weights[j] ?? 0) });
        }
      }
      return out.sort((p, q) => q.score - p.score);
    };
    const tags = shared(this.tags, this.tagNames.names, this.config.tags);
    const terms = shared(this.text, this.words.names, this.config.text);
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

  /**
   * The same story republished (a wire copy under two outlets): nearly the
   * same vector, and long enough for that to mean something (two one-line
   * notes about the same district are not duplicates).
   */
  private duplicates(a: number, b: number): boolean {
    const { start } = this.text;
    const length = Math.min((start[a + 1] ?? 0) - (start[a] ?? 0), (start[b + 1] ?? 0) - (start[b] ?? 0));
    return length >= MIN_DUPLICATE_FEATURES && dot(this.text, a, b) >= this.config.duplicateSimilarity;
  }

  /** Ranking order: score, then newer, then slug. */
  private ranksBefore(a: number, aScore: number, b: number, bScore: number): boolean {
    if (aScore !== bScore) return aScore > bScore;
    const ea = this.epochs[a] ?? 0;
    const eb = this.epochs[b] ?? 0;
    if (ea !== eb) return ea > eb;
    return (this.inputs[a]?.slug ?? "") < (this.inputs[b]?.slug ?? "");
  }

  private search(doc: number, textScore: Float64Array, tagScore: Float64Array, seen: Uint8Array): Picks {
    const cfg = this.config;
    const me = this.inputs[doc] as RelateInput;
    const touched: number[] = [];
    const accumulate = (vectors: Rows, postings: Postings, into: Float64Array): void => {
      const { start, docs, weights } = postings;
      for (let k = vectors.start[doc] ?? 0; k < (vectors.start[doc + 1] ?? 0); k++) {
        const f = vectors.ids[k] ?? 0;
        const w = vectors.weights[k] ?? 0;
        const end = start[f + 1] ?? 0;
        for (let p = start[f] ?? 0; p < end; p++) {
          const other = docs[p] ?? 0;
          if (seen[other] === 0) {
            seen[other] = 1;
            touched.push(other);
          }
          into[other] = (into[other] ?? 0) + w * (weights[p] ?? 0);
        }
      }
    };
    accumulate(this.text, this.textPostings, textScore);
    accumulate(this.tags, this.tagPostings, tagScore);

    // Keep only the best few candidates, in order: an insertion into a short list beats sorting them all.
    const excluded = new Set(me.exclude);
    const wanted = cfg.count + (cfg.autoCheckAlso && !me.hasCheckAlso ? 1 : 0);
    const room = wanted * 3 + 2; // spares for near-duplicates skipped below
    const bestDoc = this.bestDoc;
    const bestScore = this.bestScore;
    let size = 0;
    const epochs = this.epochs;
    const myEpoch = epochs[doc] ?? 0;
    const mySection = this.sections[doc];
    const myOutlet = this.outlets[doc];
    const decay = -Math.LN2 / (cfg.halfLifeDays * DAY);
    const bonusCeiling = 1 + cfg.recency + cfg.section;
    for (const other of touched) {
      const content = cfg.text * (textScore[other] ?? 0) + cfg.tags * (tagScore[other] ?? 0);
      textScore[other] = 0;
      tagScore[other] = 0;
      seen[other] = 0;
      if (other === doc || content < cfg.minScore) continue;
      // The most the time, section and outlet bonuses could add: skip early what cannot make the list.
      const worst = size >= room ? (bestScore[size - 1] ?? 0) : Number.NEGATIVE_INFINITY;
      if (content * bonusCeiling + cfg.outlet < worst) continue;
      const closeness = Math.exp(decay * Math.abs(myEpoch - (epochs[other] ?? 0)));
      const score =
        content * (1 + cfg.recency * closeness + (mySection === this.sections[other] ? cfg.section : 0)) +
        (myOutlet === this.outlets[other] ? cfg.outlet : 0);
      if (size >= room && !this.ranksBefore(other, score, bestDoc[size - 1] ?? 0, worst)) continue;
      if (excluded.size > 0 && excluded.has(this.inputs[other]?.slug ?? "")) continue;
      let at = Math.min(size, room - 1);
      while (at > 0 && this.ranksBefore(other, score, bestDoc[at - 1] ?? 0, bestScore[at - 1] ?? 0)) {
        bestDoc[at] = bestDoc[at - 1] ?? 0;
        bestScore[at] = bestScore[at - 1] ?? 0;
        at--;
      }
      bestDoc[at] = other;
      bestScore[at] = score;
      if (size < room) size++;
    }

    // Greedy, skipping near-duplicates of the article or of a pick: a republished wire story counts once.
    const chosen: number[] = [];
    const picks: Pick[] = [];
    for (let c = 0; c < size && picks.length < wanted; c++) {
      const other = bestDoc[c] ?? 0;
      if (this.duplicates(doc, other)) continue;
      if (chosen.some((p) => this.duplicates(p, other))) continue;
      chosen.push(other);
      picks.push({ slug: this.inputs[other]?.slug ?? "", score: Math.round((bestScore[c] ?? 0) * 1e6) / 1e6 });
    }
    if (cfg.autoCheckAlso && !me.hasCheckAlso) return { checkAlso: picks[0], sidebar: picks.slice(1) };
    return { checkAlso: undefined, sidebar: picks };
  }
}
