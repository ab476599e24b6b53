import { createHash } from "node:crypto";
import type { ArticleCard, SiteModel } from "../site/view.ts";

/**
 * Which pages a build must render, and which it may carry over from the
 * previous output. Every article, list and text-file page gets a hash of
 * exactly the data its template receives (its own view model and the site's
 * chrome: templates/_components/data.ts types them so) and of the
 * templates' and pipeline's fingerprint. The whole logical build (load,
 * validate, relate, model) runs every time, so a page whose inputs changed
 * (another article's edit that changes its sidebar, a new page of a tag)
 * gets a new hash: nothing is guessed about dependencies. The few pages
 * outside the plan (the front page, 404, search) are always rendered.
 */

/** Output path (relative, `/`-separated, as Eleventy writes a permalink) → hash of the page's data. */
export type PageHashes = ReadonlyMap<string, string>;

/** Where Eleventy writes a permalink: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

export function pageHashes(model: SiteModel, version: string): Map<string, string> {
  const hashes = new Map<string, string>();
  // The chrome is the same on every page: serialized once, not 16,000 times.
  const site = JSON.stringify(model.site);
  const hashOf = (kind: string, page: unknown, chrome = site): string =>
    createHash("sha256").update(`${version}\0${kind}\0${chrome}\0`).update(JSON.stringify(page)).digest("hex");
  const card = cardDigests();
  for (const article of model.articles) {
    const checkAlso = article.checkAlso.map((item) => (item.kind === "article" ? { ...item, article: card(item.article) } : item));
    hashes.set(outputPath(article.url), hashOf("article", { ...article, related: article.related.map(card), checkAlso }));
  }
  for (const list of model.listPages) hashes.set(outputPath(list.url), hashOf("list", { ...list, articles: list.articles.map(card) }));
  for (const file of model.files) hashes.set(outputPath(file.url), hashOf("file", file, ""));
  return hashes;
}

/**
 * A card's digest, made once per card: at 10,000 articles the list pages
 * and sidebars show 10,000 cards 90,000 times, and serializing each time
 * was half the cost of hashing every page. A page is hashed with its cards
 * by digest, which changes whenever anything on a card does.
 */
function cardDigests(): (card: ArticleCard) => string {
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

export interface PagePlan {
  /** The model to hand Eleventy: only the planned pages that must be rendered. */
  readonly render: SiteModel;
  /** Output paths to carry over from the previous output, sorted. */
  readonly carry: readonly string[];
  readonly hashes: PageHashes;
}

/**
 * Pages whose hash is the one recorded for the previous output (`previous`,
 * already checked against the files on disk) are carried over; the rest are
 * rendered.
 */
export function planPages(model: SiteModel, version: string, previous: PageHashes): PagePlan {
  const hashes = pageHashes(model, version);
  const unchanged = (url: string): boolean => {
    const at = outputPath(url);
    return previous.get(at) === hashes.get(at);
  };
  const carry = [...hashes.keys()].filter((at) => previous.get(at) === hashes.get(at)).sort();
  return {
    render: {
      ...model,
      articles: model.articles.filter((a) => !unchanged(a.url)),
      listPages: model.listPages.filter((l) => !unchanged(l.url)),
      files: model.files.filter((f) => !unchanged(f.url)),
    },
    carry,
    hashes,
  };
}
