import { createHash } from "node:crypto";
import { cardDigests, checkAlsoByDigest } from "./card-digest.ts";
import type { ArticleCard, ArticleView, FrontPages, GoneView, ListPage, LiteView, RenderModel, SiteView, TextFile } from "./view.ts";

/**
 * Every file the site publishes as a page: its address, the template that
 * renders it, and a key that hashes exactly what its view is made from, so
 * that a build holding the page under the same key need not make the view
 * at all (build/page-plan.ts). `view()` is pure, and made when asked.
 */
interface PageOf<T extends string, V> {
  readonly url: string;
  readonly template: T;
  readonly key: string;
  view(): V;
}

/** An article's page; `source` is its file as editors name it, for errors while rendering. */
export type ArticlePage = PageOf<"article", ArticleView> & { readonly source: string };
export type ListPageEntry = PageOf<"list", ListPage>;
export type FilePage = PageOf<"file", TextFile>;
/** The pages made once per site (templates that do not paginate): the front page, 404, search, the sections. */
export type FrontPage = PageOf<"index" | "404" | "search" | "sections", FrontPages>;
/** The notice at the address of an article taken down (site/expiry.ts). */
export type GonePage = PageOf<"gone", GoneView>;
/** A page of the text-only edition (site/lite.ts). */
export type LitePage = PageOf<"lite", LiteView>;
export type Page = ArticlePage | ListPageEntry | FilePage | FrontPage | GonePage | LitePage;

/** Where a page's URL is written: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const rel = url.replace(/^\/+/, "");
  return rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel;
}

const hash = (...parts: readonly string[]): string => {
  const h = createHash("sha256");
  for (const part of parts) h.update(part).update("\0");
  return h.digest("hex");
};

/**
 * Keys for one site's pages. The chrome (config and masthead) is in every
 * key, hashed once; cards by their digest, made once per card (the lists
 * and sidebars show each card many times over).
 */
export class PageKeys {
  readonly #chrome: string;
  readonly #card = cardDigests();

  constructor(config: unknown, chrome: SiteView) {
    this.#chrome = hash(JSON.stringify([config, chrome]));
  }

  /** An article page: the article as loaded (its key, its pictures' probes), and the cards it links to. */
  article(
    url: string,
    articleKey: string,
    pictures: unknown,
    links: { readonly checkAlso: ArticleView["checkAlso"]; readonly related: readonly ArticleCard[]; readonly coverage?: ArticleView["coverage"] },
  ): string {
    return hash(
      "article",
      this.#chrome,
      url,
      articleKey,
      JSON.stringify(pictures),
      JSON.stringify(checkAlsoByDigest(links.checkAlso, this.#card)),
      links.related.map(this.#card).join(","),
      // A live page's coverage changes with the build's moment alone.
      JSON.stringify(links.coverage ?? null),
    );
  }

  list(list: ListPage): string {
    return hash(
      "list",
      this.#chrome,
      JSON.stringify({
        ...list,
        articles: list.articles.map(this.#card),
        lead: list.lead === undefined ? null : this.#card(list.lead),
        featured: (list.featured ?? []).map(this.#card),
      }),
    );
  }

  file(file: TextFile): string {
    return hash("file", file.url, file.body);
  }

  /** A text-only page: an article's from its full page's key (what it is made from, and more), a front's from its view. */
  lite(url: string, from: string | LiteView): string {
    return hash("lite", this.#chrome, url, typeof from === "string" ? from : JSON.stringify(from));
  }

  gone(gone: GoneView): string {
    return hash("gone", this.#chrome, JSON.stringify(gone));
  }

  front(template: FrontPage["template"], front: FrontPages): string {
    return hash(template, this.#chrome, JSON.stringify(front));
  }
}

/** What the templates receive to render `pages`: the chrome, the front pages, and each paginated page's view. */
export function renderModel(site: SiteView, front: FrontPages, pages: readonly Page[]): RenderModel {
  const articles: ArticleView[] = [];
  const listPages: ListPage[] = [];
  const files: TextFile[] = [];
  const gone: GoneView[] = [];
  const lite: LiteView[] = [];
  for (const page of pages) {
    if (page.template === "article") articles.push(page.view());
    else if (page.template === "list") listPages.push(page.view());
    else if (page.template === "file") files.push(page.view());
    else if (page.template === "gone") gone.push(page.view());
    else if (page.template === "lite") lite.push(page.view());
  }
  return { site, ...front, articles, listPages, files, gone, lite };
}
