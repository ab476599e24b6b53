import type { SiteConfig } from "../content/site-config.ts";
import { absolute } from "./structured-data.ts";
import type { ArticleView } from "./view.ts";

/**
 * Atom, RSS 2.0 and JSON Feed, written by hand: three small formats whose
 * escaping rules we test against a real feed parser. Every URL is absolute;
 * root-relative links in article bodies are made absolute too.
 */

export interface FeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** Sanitized HTML with absolute URLs; undefined when the feed carries summaries only. */
  readonly contentHtml: string | undefined;
  readonly published: string;
  readonly updated: string;
  readonly publishedEpoch: number;
  readonly updatedEpoch: number;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
}

export interface Feed {
  readonly title: string;
  readonly subtitle: string;
  /** The page the feed follows (absolute). */
  readonly home: string;
  /** Absolute URLs of the feed in each format, keyed by path. */
  readonly atom: string;
  readonly rss: string;
  readonly json: string;
  readonly language: string;
  /** The WebSub hub to name beside `rel="self"`, so subscribers hear of an update at once. */
  readonly hub: string | undefined;
  readonly items: readonly FeedItem[];
}

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 forbids outright (C0 controls but tab, newline, return).
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

/** One URL of our own HTML made absolute against the page it was on. */
function absoluteUrl(value: string, pageUrl: string, siteUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return value;
  if (value.startsWith("#")) return `${pageUrl}${value}`;
  if (value.startsWith("/")) return `${siteUrl}${value}`;
  return new URL(value, pageUrl).href;
}

/**
 * A `srcset` with each candidate's URL absolute. Parsed as HTML does: a URL
 * is a run of non-space characters (commas at its end close the candidate),
 * its descriptors run to the next comma.
 */
export function absoluteSrcset(srcset: string, pageUrl: string, siteUrl: string): string {
  const candidates: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at] ?? "")) at++;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !/\s/.test(srcset[end] ?? "")) end++;
    let url = srcset.slice(at, end);
    let descriptors = "";
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else {
      const comma = srcset.indexOf(",", end);
      descriptors = srcset.slice(end, comma === -1 ? srcset.length : comma).trim();
      end = comma === -1 ? srcset.length : comma;
    }
    candidates.push(`${absoluteUrl(url, pageUrl, siteUrl)}${descriptors === "" ? "" : ` ${descriptors}`}`);
    at = end + 1;
  }
  return candidates.join(", ");
}

/** Make every URL of our own HTML absolute: links, pictures (`srcset` candidates too), embeds, quotations' sources. */
export function absoluteHtml(html: string, pageUrl: string, siteUrl: string): string {
  return html.replace(/ (href|src|srcset|cite|poster)="([^"]*)"/g, (_whole, attribute: string, value: string) => {
    const absolute = attribute === "srcset" ? absoluteSrcset(value, pageUrl, siteUrl) : absoluteUrl(value, pageUrl, siteUrl);
    return ` ${attribute}="${absolute}"`;
  });
}

export function articleItem(config: SiteConfig, article: ArticleView): FeedItem {
  const url = absolute(config, article.url);
  return {
    id: url,
    url,
    title: article.title,
    summary: article.summary,
    contentHtml: config.feedFullContent ? absoluteHtml(article.bodyHtml.read(), url, config.url) : undefined,
    published: article.published.iso,
    updated: article.modified.iso,
    publishedEpoch: Date.parse(article.published.iso),
    updatedEpoch: Date.parse(article.modified.iso),
    authors: article.authors.length > 0 ? article.authors.map((a) => a.name) : [article.outlet],
    categories: [article.section.title, ...article.tags],
  };
}

export function atom(feed: Feed): string {
  const updated = feed.items.reduce((latest, i) => (i.updatedEpoch > latest.epoch ? { epoch: i.updatedEpoch, iso: i.updated } : latest), {
    epoch: 0,
    iso: "1970-01-01T00:00:00Z",
  }).iso;
  const entries = feed.items.map((item) =>
    [
      "  <entry>",
      `    <id>${escapeXml(item.id)}</id>`,
      `    <title type="text">${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>`,
      `    <published>${item.published}</published>`,
      `    <updated>${item.updated}</updated>`,
      ...item.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      ...item.categories.map((c) => `    <category term="${escapeXml(c)}"/>`),
      item.summary === "" ? "" : `    <summary type="text">${escapeXml(item.summary)}</summary>`,
      item.contentHtml === undefined ? "" : `    <content type="html">${escapeXml(item.contentHtml)}</content>`,
      "  </entry>",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <id>${escapeXml(feed.atom)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    `  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.atom)}"/>`,
    ...(feed.hub === undefined ? [] : [`  <link rel="hub" href="${escapeXml(feed.hub)}"/>`]),
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.home)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function rss(feed: Feed): string {
  const date = (epoch: number): string => new Date(epoch).toUTCString();
  const latest = feed.items.reduce((m, i) => Math.max(m, i.updatedEpoch), 0);
  const items = feed.items.map((item) =>
    [
      "    <item>",
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(item.id)}</guid>`,
      `      <pubDate>${date(item.publishedEpoch)}</pubDate>`,
      ...item.authors.map((name) => `      <dc:creator>${escapeXml(name)}</dc:creator>`),
      ...item.categories.map((c) => `      <category>${escapeXml(c)}</category>`),
      `      <description>${escapeXml(item.summary)}</description>`,
      item.contentHtml === undefined ? "" : `      <content:encoded>${escapeXml(item.contentHtml)}</content:encoded>`,
      "    </item>",
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.home)}</link>`,
    `    <description>${escapeXml(feed.subtitle)}</description>`,
    `    <language>${escapeXml(feed.language)}</language>`,
    `    <atom:link rel="self" type="application/rss+xml" href="${escapeXml(feed.rss)}"/>`,
    ...(feed.hub === undefined ? [] : [`    <atom:link rel="hub" href="${escapeXml(feed.hub)}"/>`]),
    ...(latest > 0 ? [`    <lastBuildDate>${date(latest)}</lastBuildDate>`] : []),
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function jsonFeed(feed: Feed): string {
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      description: feed.subtitle,
      home_page_url: feed.home,
      feed_url: feed.json,
      language: feed.language,
      ...(feed.hub === undefined ? {} : { hubs: [{ type: "WebSub", url: feed.hub }] }),
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary || undefined,
        ...(item.contentHtml === undefined ? { content_text: item.summary } : { content_html: item.contentHtml }),
        date_published: item.published,
        date_modified: item.updated,
        authors: item.authors.map((name) => ({ name })),
        tags: item.categories,
      })),
    },
    null,
    2,
  )}\n`;
}
