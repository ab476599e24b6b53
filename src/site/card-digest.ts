import { createHash } from "node:crypto";
import type { ArticleCard, CheckAlsoItem } from "./view.ts";

/**
 * A card's digest, made once per card: the list pages and sidebars show
 * each card many times over (docs/performance.md), and serializing it each
 * time was a large share of the cost of hashing every page. A page is hashed with its cards
 * by digest, which changes whenever anything on a card does.
 */
export function cardDigests(): (card: ArticleCard) => string {
  const digests = new WeakMap<ArticleCard, string>();
  return (card) => {
    let digest = digests.get(card);
    if (digest === undefined) {
      digest = createHash("sha256").update(JSON.stringify(card)).digest("hex");
      digests.set(card, digest);
    }
    return digest;
  };
}

/** Check Also items as a page is hashed with them: an article's card by its digest, a link as it is. */
export function checkAlsoByDigest(items: readonly CheckAlsoItem[], digest: (card: ArticleCard) => string): unknown[] {
  return items.map((item) => (item.kind === "article" ? { ...item, article: digest(item.article) } : item));
}
