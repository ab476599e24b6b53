/**
 * The view models templates receive. Templates read only these types, so a
 * template that reads a field that does not exist fails `tsc` in `npm test`.
 * Every string here is plain text unless its name ends in `Html`; the JSX
 * runtime escapes plain text on the way out.
 */

export interface TimeView {
  /** `2026-09-26T09:00:00+04:30`, for `<time datetime>`. */
  readonly iso: string;
  /** `26 September 2026`. */
  readonly day: string;
  /** `26 September 2026, 09:00 UTC+04:30`. */
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
}

/** What a list shows of an article: headline, summary, outlet, dateline, time. */
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
}

export type CheckAlsoItem =
  | { readonly kind: "article"; readonly article: ArticleCard }
  | { readonly kind: "external"; readonly title: string; readonly url: string; readonly host: string };

export interface ImageView {
  readonly src: string;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
}

export interface Crumb {
  readonly title: string;
  /** Undefined for the current page. */
  readonly url: string | undefined;
}

export interface ArticleView extends ArticleCard {
  readonly canonical: string;
  readonly authors: readonly AuthorView[];
  readonly updated: TimeView | undefined;
  readonly tags: readonly string[];
  readonly image: ImageView | undefined;
  /** Sanitized by the Markdown pipeline. */
  readonly bodyHtml: string;
  readonly checkAlso: readonly CheckAlsoItem[];
  readonly related: readonly ArticleCard[];
  readonly breadcrumb: readonly Crumb[];
}

export interface SectionPage {
  readonly section: SectionLink;
  readonly description: string | undefined;
  readonly canonical: string;
  /** Newest first. */
  readonly articles: readonly ArticleCard[];
}

export interface HomeSection {
  readonly section: SectionLink;
  readonly articles: readonly ArticleCard[];
}

export interface HomePage {
  readonly lead: ArticleCard | undefined;
  readonly sections: readonly HomeSection[];
}

export interface SiteView {
  readonly name: string;
  readonly url: string;
  readonly description: string | undefined;
  readonly language: string;
  readonly outlet: string;
  /** Navigation: the configured sections in order, then any others. */
  readonly sections: readonly SectionLink[];
}

/** Everything the templates render: one value, computed before Eleventy runs. */
export interface SiteModel {
  readonly site: SiteView;
  readonly home: HomePage;
  readonly articles: readonly ArticleView[];
  readonly sectionPages: readonly SectionPage[];
  /** Files that sit beside articles (pictures), to copy to the articles' folders. */
  readonly assets: readonly AssetCopy[];
}

export interface AssetCopy {
  /** Absolute path of the source file. */
  readonly from: string;
  /** Output path, relative to the output root, starting without a slash. */
  readonly to: string;
}
