import { createHash } from "node:crypto";
import { cardDigests, checkAlsoByDigest } from "../site/card-digest.ts";
import type { SiteModel } from "../site/view.ts";

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

/**
 * The hash of an article page known by the digest of its view's inputs
 * (model.ts `digests`) rather than by its view: the view need not be made
 * to know whether the page changed.
 */
export function inputHash(version: string, digest: string): string {
  return createHash("sha256").update(`${version}\0article-inputs\0${digest}`).digest("hex");
}

export function pageHashes(model: SiteModel, version: string, digests: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const hashes = new Map<string, string>();
  // The chrome is the same on every page: serialized once, not 16,000 times.
  const site = JSON.stringify(model.site);
  const hashOf = (kind: string, page: unknown, chrome = site): string =>
    createHash("sha256").update(`${version}\0${kind}\0${chrome}\0`).update(JSON.stringify(page)).digest("hex");
  const card = cardDigests();
  for (const [url, digest] of digests) hashes.set(outputPath(url), inputHash(version, digest));
  for (const article of model.articles) {
    if (digests.has(article.url)) continue;
    hashes.set(outputPath(article.url), hashOf("article", { ...article, related: article.related.map(card), checkAlso: checkAlsoByDigest(article.checkAlso, card) }));
  }
  for (const list of model.listPages) hashes.set(outputPath(list.url), hashOf("list", { ...list, articles: list.articles.map(card) }));
  for (const file of model.files) hashes.set(outputPath(file.url), hashOf("file", file, ""));
  return hashes;
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
 * rendered. An article page hashed by its inputs (`digests`) whose view was
 * not made must be one of those carried.
 */
export function planPages(model: SiteModel, version: string, previous: PageHashes, digests?: ReadonlyMap<string, string>): PagePlan {
  const hashes = pageHashes(model, version, digests);
  const unchanged = (url: string): boolean => {
    const at = outputPath(url);
    return previous.get(at) === hashes.get(at);
  };
  const carry = [...hashes.keys()].filter((at) => previous.get(at) === hashes.get(at)).sort();
  if (digests !== undefined && digests.size > 0) {
    const modelled = new Set(model.articles.map((a) => a.url));
    for (const url of digests.keys()) {
      if (!modelled.has(url) && !unchanged(url)) throw new Error(`internal: the page \`${url}\` was not modelled, but the previous output does not hold it`);
    }
  }
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
