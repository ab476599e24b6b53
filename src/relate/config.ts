/**
 * How the related-articles engine weighs its signals. Every field can be set
 * under `related:` in site.yaml; these defaults were tuned on the evaluation
 * set in tests/relate/eval only, and checked on the blind set in
 * tests/relate/blind, never tuned on (`npm run bench` reports both).
 */
export interface RelateConfig {
  /** Articles in the sidebar. */
  readonly count: number;
  /**
   * Fill the Check Also box with the best related article when the editor set
   * none, if it scores at least twice the floor: the box is the one link a
   * reader is pointed to, so a pick that only clears the floor (a shared town,
   * a common name) goes to the sidebar instead, and the box stays empty.
   */
  readonly autoCheckAlso: boolean;
  /**
   * Weight of shared tags, each weighted by its rarity (IDF); cosine of tag
   * vectors. Off by default: each tag already counts as a mention of its
   * words in the text, where a rare tag weighs as much as a rare word, and
   * a broad or misleading tag no more than a common one.
   */
  readonly tags: number;
  /**
   * Weight of shared tags between articles in two languages (a Dari story
   * and its English follow-ups), which share no words: tags are all that
   * ties them.
   */
  readonly tagsAcrossLanguages: number;
  /** Weight of shared words and names from title, body and tags (TF-IDF cosine). */
  readonly text: number;
  /**
   * Extra share of the content score for an article in the same section. Off
   * by default: a story crosses sections (floods in national, then their
   * prices in business, their camps in health), and a boost for the section
   * ranks a neighbour on the same desk above the story's own follow-up.
   */
  readonly section: number;
  /**
   * Extra share of the content score for closeness in time, halving every
   * `halfLifeDays`: at most 1, so closeness at most doubles a score and
   * never outweighs what two articles share. A story unfolds over months
   * (a flood, its aid, its rebuilding): a half-life of days made its later
   * articles lose to any close neighbour.
   */
  readonly recency: number;
  readonly halfLifeDays: number;
  /** A tiny tie-breaker for the same outlet. */
  readonly outlet: number;
  /** Tags on more than this share of the archive say nothing and are ignored. */
  readonly maxTagShare: number;
  /**
   * Cosine of their words (names left out) from which two articles are the
   * same story republished: shown once. Names are left out because every
   * article of a story shares them; a wire copy shares its words too.
   */
  readonly duplicateSimilarity: number;
  /**
   * Content score below which a candidate is not related at all. Low enough
   * for a story's later articles, which share fewer words with its first,
   * and the links the chain pass makes (a product of two steps) to count.
   */
  readonly minScore: number;
  /** Features kept per article (its most distinctive words and names). */
  readonly featuresPerArticle: number;
  /**
   * Words of body text read per article: enough for the whole of any news
   * story, since a follow-up names what ties it to the story anywhere in
   * its body, not only in its lead. Only a runaway paste is cut (the
   * article keeps, and the parse cache holds, no more than this).
   */
  readonly wordsPerArticle: number;
  /** A word or name on more articles than this finds no candidates (it still counts in near-duplicate checks): bounds the cost on huge archives. */
  readonly maxPostings: number;
}

export const DEFAULT_RELATE_CONFIG: RelateConfig = {
  count: 5,
  autoCheckAlso: true,
  tags: 0,
  tagsAcrossLanguages: 1,
  text: 1,
  section: 0,
  recency: 1,
  halfLifeDays: 60,
  outlet: 0.005,
  maxTagShare: 0.2,
  duplicateSimilarity: 0.7,
  minScore: 0.11,
  featuresPerArticle: 64,
  wordsPerArticle: 5000,
  maxPostings: 32,
};
