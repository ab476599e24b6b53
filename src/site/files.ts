import type { SiteConfig } from "../content/site-config.ts";
import { articleItem, atom, escapeXml, type Feed, type FeedItem, jsonFeed, rss } from "./feeds.ts";
import { absolute } from "./structured-data.ts";
import type { ArticleCard, ArticleView, ListPage, SectionLink, TextFile, TimeView } from "./view.ts";

/** What the files need of a published article: its card and dates for every one, its view only for those a feed shows. */
export interface FiledArticle {
  readonly card: ArticleCard;
  /** The latest of publication, update and corrections. */
  readonly modified: TimeView;
  /** Epoch of the latest correction, if any. */
  readonly corrected: number | undefined;
  /** False for wire copy whose canonical is the original on another site: sitemaps list only a site's own pages. */
  readonly ownCanonical: boolean;
  readonly view: () => ArticleView;
}

/**
 * The machine-read files of a news site: feeds for the site, each section
 * and the corrections; sitemaps (split past 50,000 URLs), the Google News
 * sitemap of the last 48 hours, and robots.txt pointing at them.
 */

const SITEMAP_LIMIT = 50_000;
const NEWS_WINDOW = 48 * 3_600_000;
const NEWS_LIMIT = 1_000;

function feedFiles(feed: Feed, base: string): TextFile[] {
  return [
    { url: `${base}feed.xml`, body: atom(feed) },
    { url: `${base}rss.xml`, body: rss(feed) },
    { url: `${base}feed.json`, body: jsonFeed(feed) },
  ];
}

function feed(config: SiteConfig, base: string, title: string, subtitle: string, items: readonly FeedItem[]): Feed {
  return {
    title,
    subtitle,
    home: absolute(config, base),
    atom: absolute(config, `${base}feed.xml`),
    rss: absolute(config, `${base}rss.xml`),
    json: absolute(config, `${base}feed.json`),
    language: config.language,
    hub: config.feedHub,
    items: items.slice(0, config.feedItems),
  };
}

export function buildFiles(
  config: SiteConfig,
  /** Newest first. */
  articles: readonly FiledArticle[],
  sections: readonly SectionLink[],
  lists: readonly ListPage[],
  now: number,
): TextFile[] {
  // Items only for the articles a feed shows: an item holds the body again with absolute links,
  // and making one for every article held a large archive's bodies a second time for nothing.
  const made = new Map<FiledArticle, FeedItem>();
  const itemsOf = (shown: readonly FiledArticle[]): FeedItem[] =>
    shown.slice(0, config.feedItems).map((a) => {
      let item = made.get(a);
      if (item === undefined) made.set(a, (item = articleItem(config, a.view())));
      return item;
    });
  const files: TextFile[] = [...feedFiles(feed(config, "/", config.name, config.description ?? `The latest news from ${config.name}.`, itemsOf(articles)), "/")];
  for (const section of sections) {
    const inSection = itemsOf(articles.filter((a) => a.card.section.slug === section.slug));
    files.push(
      ...feedFiles(feed(config, section.url, `${section.title} | ${config.name}`, `The latest ${section.title} news from ${config.name}.`, inSection), section.url),
    );
  }
  // Corrections: one entry per corrected article, dated by its latest correction.
  const corrected = articles
    .filter((filed) => filed.corrected !== undefined)
    .map((filed) => filed.view())
    .map((a) => {
      const latest = a.corrections.at(-1);
      const item = articleItem(config, a);
      const notes = a.corrections.map((c) => `<li><time datetime="${c.date.iso}">${escapeXml(c.date.dayTime)}</time>: ${escapeXml(c.text)}</li>`).join("");
      return {
        ...item,
        id: `${item.url}#corrections`,
        title: `Correction: ${a.title}`,
        summary: latest?.text ?? "",
        contentHtml: `<ul>${notes}</ul><p><a href="${item.url}">${escapeXml(a.title)}</a></p>`,
        updated: latest?.date.iso ?? item.updated,
        updatedEpoch: latest === undefined ? item.updatedEpoch : Date.parse(latest.date.iso),
      };
    })
    .sort((a, b) => b.updatedEpoch - a.updatedEpoch || (a.id < b.id ? -1 : 1));
  files.push(...feedFiles(feed(config, "/corrections/", `Corrections | ${config.name}`, `Corrections published by ${config.name}.`, corrected), "/corrections/"));

  files.push(...sitemaps(config, articles, lists));
  const news = newsSitemap(config, articles, now);
  if (news !== undefined) files.push({ url: "/news-sitemap.xml", body: news });
  const sitemapLines = ["/sitemap.xml", ...(news === undefined ? [] : ["/news-sitemap.xml"])].map((url) => `Sitemap: ${absolute(config, url)}\n`);
  files.push({ url: "/robots.txt", body: `User-agent: *\nAllow: /\n\n${sitemapLines.join("")}` });
  return files;
}

function urlset(entries: readonly { loc: string; lastmod: string | undefined }[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod === undefined ? "" : `<lastmod>${e.lastmod}</lastmod>`}</url>`),
    "</urlset>",
    "",
  ].join("\n");
}

function sitemaps(config: SiteConfig, articles: readonly FiledArticle[], lists: readonly ListPage[]): TextFile[] {
  const entries = [
    { loc: absolute(config, "/"), lastmod: articles[0]?.modified.iso },
    ...articles.filter((a) => a.ownCanonical).map((a) => ({ loc: absolute(config, a.card.url), lastmod: a.modified.iso })),
    ...lists.map((l) => ({ loc: absolute(config, l.url), lastmod: undefined })),
  ];
  if (entries.length <= SITEMAP_LIMIT) return [{ url: "/sitemap.xml", body: urlset(entries) }];
  const parts: TextFile[] = [];
  for (let i = 0; i * SITEMAP_LIMIT < entries.length; i++) {
    parts.push({ url: `/sitemaps/sitemap-${i + 1}.xml`, body: urlset(entries.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)) });
  }
  const index = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((p) => `  <sitemap><loc>${escapeXml(absolute(config, p.url))}</loc></sitemap>`),
    "</sitemapindex>",
    "",
  ].join("\n");
  return [{ url: "/sitemap.xml", body: index }, ...parts];
}

/**
 * Google News sitemap: articles of the last 48 hours before the build's
 * moment, at most 1,000. None when there are none: the sitemap schema requires at least one `<url>`, so an empty file
 * would be invalid; robots.txt then leaves it out too.
 */
function newsSitemap(config: SiteConfig, articles: readonly FiledArticle[], now: number): string | undefined {
  const recent = articles
    .filter((a) => a.ownCanonical)
    .map((a) => a.card)
    .filter((a) => now - Date.parse(a.published.iso) <= NEWS_WINDOW)
    .slice(0, NEWS_LIMIT);
  if (recent.length === 0) return undefined;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...recent.map((a) =>
      [
        "  <url>",
        `    <loc>${escapeXml(absolute(config, a.url))}</loc>`,
        "    <news:news>",
        `      <news:publication><news:name>${escapeXml(config.name)}</news:name><news:language>${escapeXml(a.lang.split("-")[0] ?? a.lang)}</news:language></news:publication>`,
        `      <news:publication_date>${a.published.iso}</news:publication_date>`,
        `      <news:title>${escapeXml(a.title)}</news:title>`,
        "    </news:news>",
        "  </url>",
      ].join("\n"),
    ),
    "</urlset>",
    "",
  ].join("\n");
}
