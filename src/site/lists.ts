import { addressOf } from "../content/address.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { liteUrl } from "./lite.ts";
import { absolute, breadcrumbList, sharedImage } from "./structured-data.ts";
import type { ArticleCard, AuthorView, CorrectionEntry, CorrectionView, Crumb, FeedLink, ListKind, ListPage, SectionLink } from "./view.ts";

/**
 * Every list a reader browses: section fronts, tag, author and outlet pages,
 * date archives and the corrections page, each cut into pages with stable
 * URLs (`/<section>/`, `/<section>/page/2/`, …) and previous/next links.
 */

/** What lists need to know of a published article, newest first. */
export interface Listed {
  readonly card: ArticleCard;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  /** Epoch of the latest correction, for the corrections page. */
  readonly corrected: number | undefined;
  /** Each correction, with its epoch to order the corrections page by. */
  readonly corrections: readonly (CorrectionView & { readonly epoch: number })[];
  readonly published: number;
}

interface ListSpec {
  readonly kind: ListKind;
  readonly base: string;
  readonly title: string;
  readonly heading: string;
  readonly description: string | undefined;
  readonly articles: readonly ArticleCard[];
  readonly section?: string;
  readonly author?: AuthorView;
  readonly feeds: readonly FeedLink[];
  /** The corrections page is paged by correction, not by article. */
  readonly corrections?: readonly CorrectionEntry[];
  /** A section front: how many of the first articles are its lead and featured stories, shown above the list on its first page. */
  readonly front?: number;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** Group by a key, keeping the first-seen order of keys and of items. */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(item);
    }
  }
  return groups;
}

/** The spelling most articles use for a tag (then the first in code-point order). */
function commonSpelling(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "";
}

/** Tags, authors and outlets are one page per address (address.ts): `Kabul` and `kabul` are one. */
export function tagUrl(tag: string): string {
  return `/tags/${addressOf(tag).segment}/`;
}

export function authorUrl(name: string): string {
  return `/authors/${addressOf(name).segment}/`;
}

export function outletUrl(outlet: string): string {
  return `/outlets/${addressOf(outlet).segment}/`;
}

export function sectionFeeds(section: SectionLink): FeedLink[] {
  return [
    { title: `${section.title} (Atom)`, url: `${section.url}feed.xml`, type: "application/atom+xml" },
    { title: `${section.title} (RSS)`, url: `${section.url}rss.xml`, type: "application/rss+xml" },
    { title: `${section.title} (JSON Feed)`, url: `${section.url}feed.json`, type: "application/feed+json" },
  ];
}

export function siteFeeds(config: SiteConfig): FeedLink[] {
  return [
    { title: `${config.name} (Atom)`, url: "/feed.xml", type: "application/atom+xml" },
    { title: `${config.name} (RSS)`, url: "/rss.xml", type: "application/rss+xml" },
    { title: `${config.name} (JSON Feed)`, url: "/feed.json", type: "application/feed+json" },
  ];
}

export interface SectionList {
  readonly section: SectionLink;
  readonly description: string | undefined;
  /** The lead and featured stories first (as many as `front`), then the others newest first. */
  readonly articles: readonly ArticleCard[];
  readonly front: number;
}

export function buildListPages(
  config: SiteConfig,
  listed: readonly Listed[],
  sections: readonly SectionList[],
  authors: ReadonlyMap<string, AuthorView>,
): ListPage[] {
  const specs: ListSpec[] = [];
  const slugOf = (name: string): string => addressOf(name).segment;
  for (const s of sections) {
    specs.push({
      kind: "section",
      base: s.section.url,
      title: s.section.title,
      heading: s.section.title,
      description: s.description ?? `The latest ${s.section.title} news from ${config.name}.`,
      articles: s.articles,
      section: s.section.slug,
      feeds: sectionFeeds(s.section),
      front: s.front,
    });
  }
  for (const [slug, items] of groupBy(listed, (l) => l.tags.map(slugOf))) {
    const name = commonSpelling(items.flatMap((l) => l.tags.filter((t) => slugOf(t) === slug)));
    specs.push({
      kind: "tag",
      base: `/tags/${slug}/`,
      title: `Topic: ${name}`,
      heading: name,
      description: `Articles about ${name}.`,
      articles: items.map((l) => l.card),
      feeds: [],
    });
  }
  for (const [slug, items] of groupBy(listed, (l) => l.authors.map(slugOf))) {
    const name = commonSpelling(items.flatMap((l) => l.authors.filter((a) => slugOf(a) === slug)));
    const known = authors.get(name.toLowerCase());
    specs.push({
      kind: "author",
      base: `/authors/${slug}/`,
      title: name,
      heading: name,
      description: known?.bio ?? `Articles by ${name}.`,
      articles: items.map((l) => l.card),
      author: known ?? { name, role: undefined, bio: undefined, profiles: [] },
      feeds: [],
    });
  }
  for (const [slug, items] of groupBy(listed, (l) => [slugOf(l.card.outlet)])) {
    const name = commonSpelling(items.map((l) => l.card.outlet));
    specs.push({
      kind: "outlet",
      base: `/outlets/${slug}/`,
      title: name,
      heading: name,
      description: `Articles from ${name}.`,
      articles: items.map((l) => l.card),
      feeds: [],
    });
  }
  // Date archives by the local date the article was published in.
  const years = groupBy(listed, (l) => [l.card.published.iso.slice(0, 4)]);
  for (const [year, items] of [...years].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
    specs.push({
      kind: "archive",
      base: `/archive/${year}/`,
      title: `Archive: ${year}`,
      heading: year,
      description: `Everything ${config.name} published in ${year}.`,
      articles: items.map((l) => l.card),
      feeds: [],
    });
    const months = groupBy(items, (l) => [l.card.published.iso.slice(5, 7)]);
    for (const [month, monthItems] of [...months].sort((a, b) => (a[0] < b[0] ? 1 : -1))) {
      const label = `${MONTHS[Number(month) - 1]} ${year}`;
      specs.push({
        kind: "archive",
        base: `/archive/${year}/${month}/`,
        title: `Archive: ${label}`,
        heading: label,
        description: `Everything ${config.name} published in ${label}.`,
        articles: monthItems.map((l) => l.card),
        feeds: [],
      });
    }
  }
  specs.push({
    kind: "corrections",
    base: "/corrections/",
    title: "Corrections and clarifications",
    heading: "Corrections and clarifications",
    description: `What ${config.name} has corrected or clarified, and when, most recent first.`,
    articles: listed
      .filter((l) => l.corrected !== undefined)
      .sort((a, b) => (b.corrected ?? 0) - (a.corrected ?? 0) || b.published - a.published)
      .map((l) => l.card),
    corrections: correctionsColumn(listed),
    feeds: [{ title: "Corrections (Atom)", url: "/corrections/feed.xml", type: "application/atom+xml" }],
  });
  return specs.flatMap((spec) => paginate(config, spec));
}

/**
 * Every correction of every article, newest first, as a newspaper's
 * "Corrections and clarifications" column prints them; ties (one edit
 * correcting two articles) by the article's publication, newest first.
 */
function correctionsColumn(listed: readonly Listed[]): CorrectionEntry[] {
  return listed
    .flatMap((l) => l.corrections.map((c) => ({ entry: { date: c.date, text: c.text, article: l.card }, epoch: c.epoch, published: l.published })))
    .sort((a, b) => b.epoch - a.epoch || b.published - a.published || (a.entry.article.slug < b.entry.article.slug ? -1 : 1))
    .map((c) => c.entry);
}

function paginate(config: SiteConfig, spec: ListSpec): ListPage[] {
  const size = config.pageSize;
  const total = Math.max(1, Math.ceil((spec.corrections ?? spec.articles).length / size));
  const url = (n: number): string => (n === 1 ? spec.base : `${spec.base}page/${n}/`);
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    const pageUrl = url(number);
    const title = number === 1 ? spec.title : `${spec.title}, page ${number}`;
    const breadcrumb: Crumb[] = [
      { title: "Home", url: "/" },
      number === 1 ? { title: spec.heading, url: undefined } : { title: spec.heading, url: spec.base },
      ...(number === 1 ? [] : [{ title: `Page ${number}`, url: undefined }]),
    ];
    const prev = number > 1 ? url(number - 1) : undefined;
    const next = number < total ? url(number + 1) : undefined;
    const onPage = spec.corrections === undefined ? spec.articles.slice(i * size, (i + 1) * size) : articlesOf(spec.corrections.slice(i * size, (i + 1) * size));
    const front = number === 1 && spec.front !== undefined && spec.front > 0 ? spec.front : 0;
    const [lead, ...featured] = onPage.slice(0, front);
    return {
      kind: spec.kind,
      title,
      heading: spec.heading,
      description: spec.description,
      url: pageUrl,
      pageNumber: number,
      totalPages: total,
      prev,
      next,
      articles: onPage.slice(front),
      ...(lead === undefined ? {} : { lead, featured }),
      breadcrumb,
      section: spec.section,
      author: spec.author,
      corrections: spec.corrections?.slice(i * size, (i + 1) * size) ?? [],
      meta: {
        title,
        description: spec.description,
        canonical: absolute(config, pageUrl),
        ogType: "website",
        ...sharedImage(config, undefined),
        jsonLd: [breadcrumbList(config, breadcrumb, pageUrl)],
        lang: config.language,
        dir: "ltr",
        prev,
        next,
        feeds: spec.feeds,
        ...(spec.kind === "section" && number === 1 ? { lite: liteUrl(pageUrl) } : {}),
      },
    };
  });
}

/** The articles a page of corrections links to, each once, in the page's order. */
function articlesOf(entries: readonly CorrectionEntry[]): ArticleCard[] {
  return [...new Map(entries.map((e) => [e.article.slug, e.article])).values()];
}
