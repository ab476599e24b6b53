/**
 * The view models templates receive. Templates read only these types, so a
 * template that reads a field that does not exist fails `tsc` in `npm test`.
 * Every string here is plain text unless its name ends in `Html`; the JSX
 * runtime escapes plain text on the way out.
 */
import type { BodyHtml } from "../markdown/body-html.ts";

export interface TimeView {
  /** `2026-09-26T09:00:00+04:30`, for `<time datetime>`. */
  readonly iso: string;
  /** `26 September 2026`. */
  readonly day: string;
  /** `26 September 2026, 09:00 Kabul time` with site.yaml's `timezone_label`, else `… 09:00 UTC+04:30` (time-view.ts). */
  readonly dayTime: string;
}

export interface SectionLink {
  readonly slug: string;
  readonly title: string;
  readonly url: string;
}

export interface AuthorView {
  readonly name: string;
  readonly role: string | undefined;
  readonly bio: string | undefined;
  /** The author's pages elsewhere, from the site config (structured data's `sameAs`). */
  readonly profiles: readonly string[];
}

/**
 * The article's main picture as a front or a list shows it: the files its
 * page has already (resized for it), addressed from the site root. The
 * template chooses `sizes` and loading for where it shows it.
 */
export interface CardPicture {
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  readonly src: string;
  readonly srcset: string | undefined;
  /** The original's displayed size, when known: the box is kept while it loads. */
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly alt: string;
}

/** What a list shows of an article: headline, summary, outlet, dateline, time, its picture. */
export interface ArticleCard {
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  readonly outlet: string;
  readonly dateline: string | undefined;
  readonly section: SectionLink;
  readonly published: TimeView;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** While its live coverage runs (site/live.ts). */
  readonly live?: true;
  /** Its main picture (`image:`), when it has one. */
  readonly picture?: CardPicture;
  /** The authors' names, for the byline of a lead story. */
  readonly byline?: string;
}

/** A live article's coverage, as its page shows it (site/live.ts). */
export interface LiveView {
  /** Still live as of the build; false once `live_until` has passed. */
  readonly running: boolean;
  readonly until: TimeView | undefined;
  readonly updates: number;
  readonly latest: TimeView | undefined;
  /** The site's words for the zone the updates' times are in: `Kabul time`. */
  readonly zone: string;
}

export type CheckAlsoItem =
  | { readonly kind: "article"; readonly article: ArticleCard }
  | { readonly kind: "external"; readonly title: string; readonly url: string; readonly host: string };

export interface ImageView {
  /** The original's address (for social cards and structured data). */
  readonly src: string;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  /** Displayed size, when known (always for pictures beside the article). */
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** What goes inside `<picture>`: `<source>`s of the resized files and the `<img>`, escaped (src/images/picture-html.ts). */
  readonly pictureHtml: string;
}

export interface Crumb {
  readonly title: string;
  /** Undefined for the current page. */
  readonly url: string | undefined;
}

/** What a page says about itself to browsers, search engines and social cards. */
export interface PageMeta {
  /** The page's own title; the site name is added by the layout. */
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** Absolute canonical URL (for wire copy, the original's); undefined for a page that names no address (a taken-down article's notice). */
  readonly canonical: string | undefined;
  /** For search engines: `noindex` keeps the page out; `unavailable_after: <date-time>` says when it goes (`expires`). */
  readonly robots?: string;
  readonly ogType: "website" | "article";
  /** Absolute URL of the picture the page shares (`og:image`): its own, else the site's `image:`; undefined with neither. */
  readonly image: string | undefined;
  /** What that picture shows (`og:image:alt`). */
  readonly imageAlt?: string;
  /** The page shares a picture of its own: social cards show it large. */
  readonly ownImage?: true;
  /** Ready-escaped JSON for `<script type="application/ld+json">` blocks. */
  readonly jsonLd: readonly string[];
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  /** Previous and next pages of a paginated list. */
  readonly prev: string | undefined;
  readonly next: string | undefined;
  /** Feeds to announce with `<link rel="alternate">`. */
  readonly feeds: readonly FeedLink[];
  /** The page's text-only version (`/lite/…`, site/lite.ts), when it has one. */
  readonly lite?: string;
}

export interface FeedLink {
  readonly title: string;
  readonly url: string;
  readonly type: "application/atom+xml" | "application/rss+xml" | "application/feed+json";
}

export interface CorrectionView {
  readonly date: TimeView;
  readonly text: string;
}

/** One line of the corrections page: what was corrected, when, in which article. */
export interface CorrectionEntry extends CorrectionView {
  readonly article: ArticleCard;
}

export interface ArticleView extends ArticleCard {
  /** The article's file, as the editor named it (`content/national/slug.md`): for messages about its page. */
  readonly source: string;
  readonly meta: PageMeta;
  readonly canonical: string;
  /** The latest of publication, update and corrections. */
  readonly modified: TimeView;
  readonly corrections: readonly CorrectionView[];
  readonly authors: readonly AuthorView[];
  readonly updated: TimeView | undefined;
  /** The editor's summary, shown under the headline; undefined when the editor wrote none. */
  readonly standfirst: string | undefined;
  readonly tags: readonly string[];
  readonly image: ImageView | undefined;
  /** Sanitized by the Markdown pipeline; read when the page (or a feed) is written. */
  readonly bodyHtml: BodyHtml;
  readonly checkAlso: readonly CheckAlsoItem[];
  readonly related: readonly ArticleCard[];
  readonly breadcrumb: readonly Crumb[];
  /** For a live article (`live: true`): its coverage. */
  readonly coverage: LiveView | undefined;
}

export type ListKind = "section" | "tag" | "author" | "outlet" | "archive" | "corrections";

/** One page of a list: a section front, a tag, author or outlet page, a date archive, the corrections. */
export interface ListPage {
  readonly kind: ListKind;
  readonly title: string;
  readonly heading: string;
  readonly description: string | undefined;
  readonly url: string;
  readonly pageNumber: number;
  readonly totalPages: number;
  readonly prev: string | undefined;
  readonly next: string | undefined;
  /** Newest first (corrections: most recently corrected first). */
  readonly articles: readonly ArticleCard[];
  readonly breadcrumb: readonly Crumb[];
  /** For section fronts: the section to mark in the navigation. */
  readonly section: string | undefined;
  /** For author pages: the author's bio. */
  readonly author: AuthorView | undefined;
  /** For the first page of a section front: its lead and featured stories, above `articles` (site/fronts.ts). */
  readonly lead?: ArticleCard;
  readonly featured?: readonly ArticleCard[];
  /** For the corrections page: this page's corrections, newest first; empty on other lists. */
  readonly corrections: readonly CorrectionEntry[];
  readonly meta: PageMeta;
}

export interface HomeSection {
  readonly section: SectionLink;
  readonly articles: readonly ArticleCard[];
}

export interface HomePage {
  readonly lead: ArticleCard | undefined;
  /** The row under the lead: chosen by editors (`front: featured`), else the newest of other sections (site/fronts.ts). */
  readonly featured: readonly ArticleCard[];
  readonly sections: readonly HomeSection[];
  readonly meta: PageMeta;
}

export interface SiteView {
  readonly name: string;
  readonly url: string;
  readonly description: string | undefined;
  readonly language: string;
  /** `og:locale` of pages in the site's language. */
  readonly locale: string;
  /** Direction of the site's own language: its navigation and labels keep it on pages in other languages. */
  readonly dir: "ltr" | "rtl";
  readonly outlet: string;
  /** The masthead's sections (config.ts `navigation`): a few, not all; every section is on `/sections/`. */
  readonly sections: readonly SectionLink[];
  /** The breaking-news strip every page shows, if one is running (site/breaking.ts). */
  readonly breaking: BreakingView | undefined;
}

/** The strip: the editor's short text (or the headline), linking the article. */
export interface BreakingView {
  readonly text: string;
  readonly url: string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}

/** The pages made once per site, from the lists: the front page, 404, search, the sections. */
export interface FrontPages {
  readonly home: HomePage;
  readonly notFound: PageMeta;
  /** The search page (templates/search.11ty.tsx), which searches the Pagefind index in the browser. */
  readonly search: PageMeta;
  /** `/sections/` (templates/sections.11ty.tsx): every section, the configured ones in order, then the others. */
  readonly sectionIndex: { readonly meta: PageMeta; readonly sections: readonly SectionLink[] };
}

/**
 * What the templates receive as `model` for one render: the chrome, the
 * front pages, and the views of the paginated pages to render now (every
 * page of the site on a cold build, those that changed on a warm one).
 */
export interface RenderModel extends FrontPages {
  readonly site: SiteView;
  readonly articles: readonly ArticleView[];
  readonly listPages: readonly ListPage[];
  readonly files: readonly TextFile[];
  readonly gone: readonly GoneView[];
  /** The text-only edition's pages (site/lite.ts). */
  readonly lite: readonly LiteView[];
}

/** The notice left at the address of an article taken down (`expires`): site/expiry.ts. */
export interface GoneView {
  readonly url: string;
  readonly meta: PageMeta;
}

/** A file written as is: feeds, sitemaps, robots.txt. */
export interface TextFile {
  /** Output path from the site root, starting with `/`. */
  readonly url: string;
  readonly body: string;
}

// The text-only edition at /lite/ (site/lite.ts).

/** One article, as the text-only edition shows it. */
export interface LiteArticle {
  readonly kind: "article";
  readonly url: string;
  /** The full page's absolute address: its canonical link and the "full version" link. */
  readonly full: string;
  readonly title: string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly section: { readonly title: string; readonly url: string };
  readonly byline: string | undefined;
  readonly outlet: string;
  readonly published: TimeView;
  readonly updated: TimeView | undefined;
  readonly standfirst: string | undefined;
  /** The body without pictures, embeds or media; links to other articles lead to their text-only pages. */
  readonly bodyHtml: string;
  readonly corrections: readonly CorrectionView[];
  readonly breaking: LiteLink | undefined;
}

export interface LiteLink {
  readonly title: string;
  readonly url: string;
  readonly day?: string;
  readonly live?: true;
}

/** A front (the front page's or a section's): headlines in blocks, each a link to its text-only article. */
export interface LiteFront {
  readonly kind: "front";
  readonly url: string;
  readonly full: string;
  /** The section's title; undefined on the front page. */
  readonly title: string | undefined;
  readonly blocks: readonly { readonly title: string; readonly url: string | undefined; readonly articles: readonly LiteLink[] }[];
  readonly breaking: LiteLink | undefined;
}

export type LiteView = LiteArticle | LiteFront;
