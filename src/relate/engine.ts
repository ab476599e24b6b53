import { at, Column, Counter, f32, f64, i32, withRoom } from "./column.ts";
import type { RelateConfig } from "./config.ts";
import { Names } from "./names.ts";
import { buildPostings, dot, type Postings, type Rows, RowsBuilder } from "./sparse.ts";
import { FeatureTable, normalizeTag } from "./tokenize.ts";

/**
 * The related-articles engine, in the manner of Hugo's related index: `add`
 * every article (feature counts, document frequencies), `finalize` (weights,
 * rows, postings), then `search` each one through the inverted indexes, never
 * all pairs. The phases are two types: an `IndexBuilder` only adds and
 * finalizes, and what it finalizes, a `RelatedIndex`, only searches. Records
 * in, picks out; it knows nothing of pages.
 */

/** What the engine needs of an article. Only published articles are given. */
export interface RelateInput {
  readonly slug: string;
  readonly title: string;
  /** Plain text of the summary and of the body, read as one with a line break between (tokenize.ts). */
  readonly text: readonly string[];
  readonly tags: readonly string[];
  /** Its language tag (`en`, `fa-AF`): articles in one language share words, in two only tags. */
  readonly language: string;
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
  readonly sameLanguage: boolean;
  /** The article a chain link goes through, when the chain pass related the two more than what they share. */
  readonly via: { readonly slug: string; readonly content: number } | undefined;
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
/** Neighbours whose own neighbours are searched in the chain pass. */
const CHAIN_NEIGHBOURS = 5;
/** The automatic Check Also needs this many times the floor (config.ts `autoCheckAlso`). */
const CHECK_ALSO_FLOOR = 2;
/** What a tag counts for in the text: one mention of its words. */
const TAG_MENTION = 1;
/** In a small archive every tag is widely shared; only a tag on more than this many articles can be over-common. */
const MIN_COMMON_TAG = 5;
/** Words both articles need before they can count as the same story republished. */
const MIN_DUPLICATE_WORDS = 12;

function primaryLanguage(tag: string): string {
  const dash = tag.indexOf("-");
  return (dash === -1 ? tag : tag.slice(0, dash)).toLowerCase();
}

/** Everything a search reads, made once by `IndexBuilder.finalize`. */
export interface FinalIndex {
  readonly config: RelateConfig;
  readonly inputs: readonly RelateInput[];
  readonly bySlug: ReadonlyMap<string, number>;
  readonly epochs: Float64Array;
  /** Section, outlet and language as small numbers, compared in the inner loop. */
  readonly sections: Int32Array;
  readonly outlets: Int32Array;
  readonly languages: Int32Array;
  /** How many languages the archive has: with one, tags never weigh across languages. */
  readonly languageCount: number;
  /** Each article's most distinctive words and names (TF-IDF), and its tags (IDF). */
  readonly text: Rows;
  readonly tags: Rows;
  readonly textPostings: Postings;
  readonly tagPostings: Postings;
  /** 1 for each feature that is a word, 0 for a name, by feature id: near-duplicates are compared on words. */
  readonly isWord: Uint8Array;
  /** Of each article's row, the words only: their norm, and how many. */
  readonly wordNorms: Float64Array;
  readonly wordCounts: Int32Array;
  /** Feature names by id, for explanations. */
  readonly termNames: readonly string[];
  readonly tagNames: readonly string[];
}

/**
 * The add phase. `add` reads an article once: its words and names counted,
 * its tags named, how many articles have each feature. `finalize` weighs
 * them all at once, since a weight needs every article's counts; after it,
 * the builder is spent.
 */
export class IndexBuilder {
  private readonly config: RelateConfig;
  private readonly inputs: RelateInput[] = [];
  private readonly words = new FeatureTable();
  private readonly tagNames = new Names();
  private readonly sectionIds = new Names();
  private readonly outletIds = new Names();
  private readonly languageIds = new Names();
  private readonly epochs: Column<Float64Array>;
  private readonly sections: Column<Int32Array>;
  private readonly outlets: Column<Int32Array>;
  private readonly languages: Column<Int32Array>;
  private readonly counter = new Counter();
  private readonly count = (feature: number, weight: number): void => this.counter.add(feature, weight);
  /** Each article's feature ids and counts, in compressed rows as `Rows` are. */
  private readonly countStart: Column<Int32Array>;
  private readonly countIds: Column<Int32Array>;
  private readonly counts: Column<Float32Array>;
  /** Articles with each feature, by feature id. */
  private df = new Int32Array(1 << 16);
  /** Each article's distinct tag ids, in compressed rows, and articles with each tag. */
  private readonly tagStart: Column<Int32Array>;
  private readonly tagIds: Column<Int32Array>;
  private tagDf = new Int32Array(64);
  private finalized = false;

  /** `expected`: how many articles will be added, to size the columns once (they grow past it). */
  constructor(config: RelateConfig, expected = 0) {
    this.config = config;
    this.epochs = new Column(new Float64Array(expected + 1));
    this.sections = new Column(new Int32Array(expected + 1));
    this.outlets = new Column(new Int32Array(expected + 1));
    this.languages = new Column(new Int32Array(expected + 1));
    this.countStart = new Column(new Int32Array(expected + 1));
    // About 120 distinct features per article read: sized once, grown rarely.
    this.countIds = new Column(new Int32Array(expected * 128 + 1024));
    // Counts are small integers: exact in 32 bits, and half the memory to touch.
    this.counts = new Column(new Float32Array(expected * 128 + 1024));
    this.countStart.push(0);
    this.tagStart = new Column(new Int32Array(expected + 1));
    this.tagIds = new Column(new Int32Array(expected * 2 + 16));
    this.tagStart.push(0);
  }

  add(input: RelateInput): void {
    if (this.finalized) throw new Error(`related index: \`${input.slug}\` added after finalize(); add every article first`);
    this.inputs.push(input);
    this.epochs.push(input.epoch);
    this.sections.push(this.sectionIds.id(input.section));
    this.outlets.push(this.outletIds.id(input.outlet));
    // `fa-AF` and `fa` are one language: only the primary subtag tells which words an article can share.
    this.languages.push(this.languageIds.id(primaryLanguage(input.language)));

    const { counter, words } = this;
    words.scan([input.title], TITLE_WEIGHT, this.count);
    words.scan(input.text, 1, this.count, this.config.wordsPerArticle);
    // A tag is one more mention of a word or name of the article: "Baghlan floods" counts
    // `baghlan` and `flood`, weighed with the text by rarity, and not apart from it. Each on
    // its own, so two tags never make a name of the last word of one and the first of the next.
    for (const tag of input.tags) words.scan([tag], TAG_MENTION, this.count);
    this.df = withRoom(this.df, words.names.length);
    for (const id of counter.touched) {
      this.df[id] = i32(this.df, id) + 1;
      this.countIds.push(id);
      this.counts.push(counter.count(id));
    }
    counter.reset();
    this.countStart.push(this.countIds.length);

    const tags = new Set(input.tags.map(normalizeTag).filter((t) => t !== ""));
    for (const tag of tags) {
      const id = this.tagNames.id(tag);
      this.tagDf = withRoom(this.tagDf, id + 1);
      this.tagDf[id] = i32(this.tagDf, id) + 1;
      this.tagIds.push(id);
    }
    this.tagStart.push(this.tagIds.length);
  }

  /** Weights, rows and postings of every article added: the index to search. */
  finalize(): RelatedIndex {
    if (this.finalized) throw new Error("related index: finalize() called twice");
    this.finalized = true;
    const { config, inputs } = this;
    const text = this.textRows();
    const tags = this.tagRows();
    const names = this.words.names;
    const isWord = new Uint8Array(names.length);
    names.forEach((name, f) => {
      isWord[f] = name.startsWith("n:") ? 0 : 1;
    });
    const wordNorms = new Float64Array(inputs.length);
    const wordCounts = new Int32Array(inputs.length);
    for (let doc = 0; doc < inputs.length; doc++) {
      let norm = 0;
      let count = 0;
      for (let k = i32(text.start, doc); k < i32(text.start, doc + 1); k++) {
        if (isWord[i32(text.ids, k)] !== 1) continue;
        norm += f64(text.weights, k) ** 2;
        count++;
      }
      wordNorms[doc] = Math.sqrt(norm);
      wordCounts[doc] = count;
    }
    return new RelatedIndex({
      config,
      inputs,
      bySlug: new Map(inputs.map((input, doc) => [input.slug, doc])),
      epochs: this.epochs.view(),
      sections: this.sections.view(),
      outlets: this.outlets.view(),
      languages: this.languages.view(),
      languageCount: this.languageIds.names.length,
      text,
      tags,
      textPostings: buildPostings(text, this.words.names.length, config.maxPostings),
      tagPostings: buildPostings(tags, this.tagNames.names.length, config.maxPostings),
      isWord,
      wordNorms,
      wordCounts,
      termNames: this.words.names,
      tagNames: this.tagNames.names,
    });
  }

  /** TF-IDF weights; each article keeps its most distinctive features. */
  private textRows(): Rows {
    const n = this.inputs.length;
    const { featuresPerArticle } = this.config;
    const names = this.words.names;
    const featureCount = names.length;
    const idf = new Float64Array(featureCount);
    for (let f = 0; f < featureCount; f++) {
      const d = i32(this.df, f);
      // A feature of one article alone relates it to nothing: it would only dilute the vector.
      idf[f] = (d > 1 ? Math.log(n / d) : 0) * (at(names, f).startsWith("n:") ? NAME_BOOST : 1);
    }
    const rows = new RowsBuilder(n, n * featuresPerArticle + 16, featureCount);
    const countStart = this.countStart.view();
    const countIds = this.countIds.view();
    const counts = this.counts.view();
    for (let doc = 0; doc < n; doc++) {
      const from = i32(countStart, doc);
      const to = i32(countStart, doc + 1);
      const length = to - from;
      const weights = rows.buffer(length);
      for (let k = 0; k < length; k++) weights[k] = (1 + Math.log(f32(counts, from + k))) * f64(idf, i32(countIds, from + k));
      rows.append(countIds.subarray(from, to), weights, length, featuresPerArticle);
    }
    return rows.rows();
  }

  /** Tags, weighted by rarity; tags on too large a share of the archive say nothing. */
  private tagRows(): Rows {
    const n = this.inputs.length;
    const tagDf = this.tagDf;
    const limit = Math.max(MIN_COMMON_TAG, this.config.maxTagShare * n);
    const rows = new RowsBuilder(n, n * 2 + 16, this.tagNames.names.length);
    const tagStart = this.tagStart.view();
    const tagIds = this.tagIds.view();
    for (let doc = 0; doc < n; doc++) {
      const ids = tagIds.subarray(i32(tagStart, doc), i32(tagStart, doc + 1));
      const weights = rows.buffer(ids.length);
      for (let k = 0; k < ids.length; k++) {
        const d = i32(tagDf, i32(ids, k));
        weights[k] = d > 1 && d <= limit ? Math.log(n / d) : 0;
      }
      rows.append(ids, weights, ids.length, ids.length);
    }
    return rows.rows();
  }
}

/** Scratch of one search, by article, reused by the next. */
class SearchScratch {
  /** Content scores so far, and whether the article is a candidate yet. */
  readonly textScore: Float64Array;
  readonly tagScore: Float64Array;
  readonly seen: Uint8Array;
  /** The best candidates, in ranking order. */
  readonly bestDoc: Int32Array;
  readonly bestScore: Float64Array;
  constructor(articles: number, count: number) {
    this.textScore = new Float64Array(articles);
    this.tagScore = new Float64Array(articles);
    this.seen = new Uint8Array(articles);
    this.bestDoc = new Int32Array((count + 1) * 3 + 2);
    this.bestScore = new Float64Array(this.bestDoc.length);
  }
}

/**
 * Put `doc` with `score` into the ranked list of `size` entries at `base` of
 * `docs`/`scores`, which holds at most `room`: an insertion into a short list
 * beats sorting every candidate. Returns the list's new size; a candidate
 * that ranks after a full list's last is left out.
 */
function insertRanked(
  docs: Int32Array,
  scores: Float64Array,
  base: number,
  size: number,
  room: number,
  doc: number,
  score: number,
  before: (a: number, aScore: number, b: number, bScore: number) => boolean,
): number {
  if (size >= room && !before(doc, score, i32(docs, base + size - 1), f64(scores, base + size - 1))) return size;
  let slot = Math.min(size, room - 1);
  while (slot > 0 && before(doc, score, i32(docs, base + slot - 1), f64(scores, base + slot - 1))) {
    docs[base + slot] = i32(docs, base + slot - 1);
    scores[base + slot] = f64(scores, base + slot - 1);
    slot--;
  }
  docs[base + slot] = doc;
  scores[base + slot] = score;
  return Math.min(size + 1, room);
}

/** Each article's nearest neighbours for the chain pass, `CHAIN_NEIGHBOURS` slots each; -1 until made. */
class NearestLists {
  readonly count: Int32Array;
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  constructor(articles: number) {
    this.count = new Int32Array(articles).fill(-1);
    this.docs = new Int32Array(articles * CHAIN_NEIGHBOURS);
    this.scores = new Float64Array(articles * CHAIN_NEIGHBOURS);
  }
}

/** The search phase: a finalized index, read only. */
export class RelatedIndex {
  private readonly index: FinalIndex;
  private scratchSpace: SearchScratch | undefined;
  private nearSpace: NearestLists | undefined;

  /**
   * Every one of `inputs` added, then finalized: what every caller of the
   * engine wants. (`IndexBuilder` is the same two steps, one at a time.)
   */
  constructor(inputs: readonly RelateInput[], config: RelateConfig);
  /** A finalized index: what `IndexBuilder.finalize` makes. */
  constructor(index: FinalIndex);
  constructor(from: readonly RelateInput[] | FinalIndex, config?: RelateConfig) {
    if ("bySlug" in from) {
      this.index = from;
    } else {
      if (config === undefined) throw new TypeError("related index: the config is missing");
      const builder = new IndexBuilder(config, from.length);
      for (const input of from) builder.add(input);
      this.index = builder.finalize().index;
    }
  }

  /** `ranksBefore`, bound once for `insertRanked`. */
  private readonly ranked = (a: number, aScore: number, b: number, bScore: number): boolean => this.ranksBefore(a, aScore, b, bScore);

  private get near(): NearestLists {
    this.nearSpace ??= new NearestLists(this.index.inputs.length);
    return this.nearSpace;
  }

  /** Made on the first search, not in the constructor: a builder's finalize makes an index that may only be unwrapped. */
  private get scratch(): SearchScratch {
    this.scratchSpace ??= new SearchScratch(this.index.inputs.length, this.index.config.count);
    return this.scratchSpace;
  }

  /** The picks for every article, keyed by slug. */
  relateAll(): Map<string, Picks> {
    const result = new Map<string, Picks>();
    this.index.inputs.forEach((input, doc) => result.set(input.slug, this.searchDoc(doc)));
    return result;
  }

  /** The picks for one article. */
  search(slug: string): Picks {
    const doc = this.index.bySlug.get(slug);
    if (doc === undefined) throw new Error(`related index: no article \`${slug}\` was added`);
    return this.searchDoc(doc);
  }

  /** Signals behind the pick of `other` for `slug`, for `npm run related`. */
  explain(slug: string, other: string): Signals | undefined {
    const { bySlug, config, inputs } = this.index;
    const a = bySlug.get(slug);
    const b = bySlug.get(other);
    if (a === undefined || b === undefined) return undefined;
    const shared = (r: Rows, names: readonly string[], weight: number): Contribution[] => {
      const out: Contribution[] = [];
      // A signal switched off (tags within one language) explains nothing.
      if (weight === 0) return out;
      for (let i = i32(r.start, a); i < i32(r.start, a + 1); i++) {
        for (let j = i32(r.start, b); j < i32(r.start, b + 1); j++) {
          const id = i32(r.ids, i);
          if (id === i32(r.ids, j)) out.push({ feature: at(names, id), score: weight * f64(r.weights, i) * f64(r.weights, j) });
        }
      }
      return out.sort((p, q) => q.score - p.score);
    };
    const sameLanguage = i32(this.index.languages, a) === i32(this.index.languages, b);
    const tagWeight = sameLanguage ? config.tags : this.index.languageCount > 1 ? config.tagsAcrossLanguages : 0;
    const tags = shared(this.index.tags, this.index.tagNames, tagWeight);
    const terms = shared(this.index.text, this.index.termNames, config.text);
    const ia = at(inputs, a);
    const ib = at(inputs, b);
    const content = [...tags, ...terms].reduce((s, c) => s + c.score, 0);
    const through = this.chainLinks(a);
    let via: Signals["via"];
    through.docs.forEach((other, k) => {
      const linked = at(through.scores, k);
      if (other === b && linked > Math.max(content, via?.content ?? 0)) via = { slug: at(inputs, at(through.via, k)).slug, content: linked };
    });
    return {
      tags,
      terms,
      content,
      daysApart: Math.abs(ia.epoch - ib.epoch) / DAY,
      sameSection: ia.section === ib.section,
      sameOutlet: ia.outlet === ib.outlet,
      sameLanguage,
      via,
    };
  }

  /**
   * The same story republished (a wire copy under two outlets): nearly the
   * same words, and enough of them for that to mean something (two one-line
   * notes about the same district are not duplicates). Words only: two
   * articles of one story share its names (the governor, the district)
   * while telling different news in different words.
   */
  private duplicates(a: number, b: number): boolean {
    const { text, config, isWord, wordNorms, wordCounts } = this.index;
    if (Math.min(i32(wordCounts, a), i32(wordCounts, b)) < MIN_DUPLICATE_WORDS) return false;
    const norms = f64(wordNorms, a) * f64(wordNorms, b);
    return dot(text, a, b, isWord) >= config.duplicateSimilarity * norms;
  }

  /** Ranking order: score, then newer, then slug. */
  private ranksBefore(a: number, aScore: number, b: number, bScore: number): boolean {
    if (aScore !== bScore) return aScore > bScore;
    const { epochs, inputs } = this.index;
    const ea = f64(epochs, a);
    const eb = f64(epochs, b);
    if (ea !== eb) return ea > eb;
    return at(inputs, a).slug < at(inputs, b).slug;
  }

  /** Add `doc`'s row times each posting of its features into `into`, noting each candidate met. */
  private accumulate(doc: number, vectors: Rows, postings: Postings, into: Float64Array, touched: number[]): void {
    const { start, docs, weights } = postings;
    const seen = this.scratch.seen;
    const rowEnd = i32(vectors.start, doc + 1);
    for (let k = i32(vectors.start, doc); k < rowEnd; k++) {
      const f = i32(vectors.ids, k);
      const w = f64(vectors.weights, k);
      const end = i32(start, f + 1);
      for (let p = i32(start, f); p < end; p++) {
        const other = i32(docs, p);
        // Unchecked: \`seen\` is as long as \`into\`, whose checked read below fails on an \`other\` outside both.
        if (seen[other] === 0) {
          seen[other] = 1;
          touched.push(other);
        }
        into[other] = f64(into, other) + w * f64(weights, p);
      }
    }
  }

  /**
   * Every candidate of `doc` met through the inverted indexes, pushed on
   * `touched` (and marked seen), its content score left in `textScore`.
   */
  private contents(doc: number, touched: number[]): void {
    const { config: cfg, languages, languageCount } = this.index;
    const { textScore, tagScore } = this.scratch;
    this.accumulate(doc, this.index.text, this.index.textPostings, textScore, touched);
    // Tags are in the text already; apart, they weigh only across languages, and only if an archive has two.
    const tagsAcross = languageCount > 1 ? cfg.tagsAcrossLanguages : 0;
    if (cfg.tags === 0 && tagsAcross === 0) {
      if (cfg.text !== 1) for (const other of touched) textScore[other] = cfg.text * f64(textScore, other);
      return;
    }
    this.accumulate(doc, this.index.tags, this.index.tagPostings, tagScore, touched);
    const myLanguage = i32(languages, doc);
    for (const other of touched) {
      const tagWeight = i32(languages, other) === myLanguage ? cfg.tags : tagsAcross;
      textScore[other] = cfg.text * f64(textScore, other) + tagWeight * f64(tagScore, other);
      tagScore[other] = 0;
    }
  }

  /**
   * The `CHAIN_NEIGHBOURS` candidates of `doc` with the most content above
   * the floor, in ranking order, made once and kept: the chain pass of
   * every article that has `doc` as a neighbour reads them. Returns how many.
   */
  private nearest(doc: number): number {
    const near = this.near;
    const known = i32(near.count, doc);
    if (known !== -1) return known;
    const { config: cfg } = this.index;
    const { textScore, seen } = this.scratch;
    const touched: number[] = [];
    this.contents(doc, touched);
    const base = doc * CHAIN_NEIGHBOURS;
    let size = 0;
    for (const other of touched) {
      const content = f64(textScore, other);
      textScore[other] = 0;
      seen[other] = 0;
      if (other === doc || content < cfg.minScore) continue;
      size = insertRanked(near.docs, near.scores, base, size, CHAIN_NEIGHBOURS, other, content, this.ranked);
    }
    near.count[doc] = size;
    return size;
  }

  /**
   * The chain pass: a story unfolding over months drifts in its words (a
   * flood, then its aid convoys, then the rebuilding), so its far ends may
   * share too little to meet. The nearest neighbours of `doc`'s nearest
   * neighbours are candidates too, at the product of the two steps'
   * content when that beats their own: two close steps make a far link.
   * Run before `doc`'s own candidates are gathered, as it reuses the scratch.
   */
  private chainLinks(doc: number): { docs: number[]; scores: number[]; via: number[] } {
    const near = this.near;
    const docs: number[] = [];
    const scores: number[] = [];
    const through: number[] = [];
    const first = this.nearest(doc);
    for (let k = 0; k < first; k++) {
      const step = f64(near.scores, doc * CHAIN_NEIGHBOURS + k);
      const via = i32(near.docs, doc * CHAIN_NEIGHBOURS + k);
      const second = this.nearest(via);
      for (let j = 0; j < second; j++) {
        const other = i32(near.docs, via * CHAIN_NEIGHBOURS + j);
        if (other === doc) continue;
        docs.push(other);
        scores.push(step * f64(near.scores, via * CHAIN_NEIGHBOURS + j));
        through.push(via);
      }
    }
    return { docs, scores, via: through };
  }

  /** Greedy over `size` ranked candidates, skipping near-duplicates of the article or of a pick: a republished wire story counts once. */
  private skipDuplicates(doc: number, size: number, ranked: (c: number) => number, score: (c: number) => number, wanted: number): Pick[] {
    const chosen: number[] = [];
    const picks: Pick[] = [];
    for (let c = 0; c < size && picks.length < wanted; c++) {
      const other = ranked(c);
      if (this.duplicates(doc, other)) continue;
      if (chosen.some((p) => this.duplicates(p, other))) continue;
      chosen.push(other);
      picks.push({ slug: at(this.index.inputs, other).slug, score: Math.round(score(c) * 1e6) / 1e6 });
    }
    return picks;
  }

  private searchDoc(doc: number): Picks {
    const { config: cfg, inputs, epochs, sections, outlets, languages } = this.index;
    const scratch = this.scratch;
    const { textScore, seen, bestDoc, bestScore } = scratch;
    const myLanguage = i32(languages, doc);
    // Articles in the reader's own language first: one in another is a last resort, whatever its score.
    const before = (a: number, aScore: number, b: number, bScore: number): boolean => {
      const aSame = i32(languages, a) === myLanguage;
      if (aSame !== (i32(languages, b) === myLanguage)) return aSame;
      return this.ranksBefore(a, aScore, b, bScore);
    };
    const me = at(inputs, doc);
    const links = this.chainLinks(doc);
    const touched: number[] = [];
    this.contents(doc, touched);
    links.docs.forEach((other, k) => {
      if (seen[other] === 0) {
        seen[other] = 1;
        touched.push(other);
      }
      textScore[other] = Math.max(f64(textScore, other), at(links.scores, k));
    });

    // Keep only the best few candidates, in order: an insertion into a short list beats sorting them all.
    const excluded = new Set(me.exclude);
    const wanted = cfg.count + (cfg.autoCheckAlso && !me.hasCheckAlso ? 1 : 0);
    const room = wanted * 3 + 2; // spares for near-duplicates skipped below
    let size = 0;
    const myEpoch = f64(epochs, doc);
    const mySection = i32(sections, doc);
    const myOutlet = i32(outlets, doc);
    const decay = -Math.LN2 / (cfg.halfLifeDays * DAY);
    const bonusCeiling = 1 + cfg.recency + cfg.section;
    const scoreOf = (other: number, content: number): number =>
      content * (1 + cfg.recency * Math.exp(decay * Math.abs(myEpoch - f64(epochs, other))) + (mySection === i32(sections, other) ? cfg.section : 0)) +
      (myOutlet === i32(outlets, other) ? cfg.outlet : 0);
    // Every candidate above the floor, in case the short list runs out of all but copies of one story.
    const above: number[] = [];
    const aboveContent: number[] = [];
    for (const other of touched) {
      const content = f64(textScore, other);
      textScore[other] = 0;
      seen[other] = 0;
      if (other === doc || content < cfg.minScore) continue;
      if (excluded.size > 0 && excluded.has(at(inputs, other).slug)) continue;
      above.push(other);
      aboveContent.push(content);
      // The most the time, section and outlet bonuses could add: skip early what cannot make the list.
      const full = size >= room;
      const worst = full ? f64(bestScore, size - 1) : Number.NEGATIVE_INFINITY;
      const mayPass = full && i32(languages, i32(bestDoc, size - 1)) !== myLanguage && i32(languages, other) === myLanguage;
      if (!mayPass && content * bonusCeiling + cfg.outlet < worst) continue;
      const score = scoreOf(other, content);
      size = insertRanked(bestDoc, bestScore, 0, size, room, other, score, before);
    }

    const ranked = (c: number): number => i32(bestDoc, c);
    let picks = this.skipDuplicates(doc, size, ranked, (c) => f64(bestScore, c), wanted);
    if (picks.length < wanted && above.length > size) {
      // The short list held copies of one story and little else: every candidate above the floor, ranked.
      const order = above.map((other, k) => ({ other, score: scoreOf(other, at(aboveContent, k)) }));
      order.sort((a, b) => (before(a.other, a.score, b.other, b.score) ? -1 : 1));
      picks = this.skipDuplicates(
        doc,
        order.length,
        (c) => at(order, c).other,
        (c) => at(order, c).score,
        wanted,
      );
    }
    const first = picks[0];
    if (cfg.autoCheckAlso && !me.hasCheckAlso && first !== undefined && first.score >= CHECK_ALSO_FLOOR * cfg.minScore) {
      return { checkAlso: first, sidebar: picks.slice(1) };
    }
    return { checkAlso: undefined, sidebar: picks.slice(0, cfg.count) };
  }
}
