import type { Element, ElementContent, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import type { ArticleCard, ArticleView, BreakingView, LiteArticle, LiteLink } from "./view.ts";

/**
 * The text-only edition at `/lite/`, for readers on slow or costly mobile
 * data (text.npr.org and lite.cnn.com are the models): every article and
 * front once more as one small request, with no picture, script, embed or
 * stylesheet to fetch. Made from the same views as the full pages, so it
 * says what they say; search engines are pointed at the full page.
 */

export const LITE_ROOT = "/lite/";

/** The text-only address of a page of the site: `/national/floods/` → `/lite/national/floods/`. */
export function liteUrl(url: string): string {
  return `/lite${url}`;
}

export function liteLink(card: ArticleCard): LiteLink {
  return { title: card.title, url: liteUrl(card.url), day: card.published.day, ...(card.live === true ? { live: true } : {}) };
}

export function liteBreaking(breaking: BreakingView | undefined): LiteLink | undefined {
  return breaking === undefined ? undefined : { title: breaking.text, url: liteUrl(breaking.url) };
}

/** The text-only page of an article, from its full page's view. `articles`: addresses of the published articles. */
export function liteArticle(view: ArticleView, full: string, articles: ReadonlySet<string>, breaking: BreakingView | undefined): LiteArticle {
  return {
    kind: "article",
    url: liteUrl(view.url),
    full,
    title: view.title,
    lang: view.lang,
    dir: view.dir,
    section: { title: view.section.title, url: liteUrl(view.section.url) },
    byline: view.authors.length === 0 ? undefined : namesOf(view.authors.map((a) => a.name)),
    outlet: view.outlet,
    published: view.published,
    updated: view.updated,
    standfirst: view.standfirst,
    bodyHtml: liteBody(view.bodyHtml.read(), articles),
    corrections: view.corrections,
    breaking: liteBreaking(breaking),
  };
}

function namesOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Elements that fetch something or do nothing without it: left out, with what they held. */
const DROPPED = new Set(["picture", "source", "iframe", "video", "audio", "object", "embed", "script", "style", "noscript", "svg"]);

/**
 * An article body for the text-only page: every picture, figure and embed
 * gives way to a line naming what was there ("Picture: …" with its caption
 * or alt text), attributes only the text needs are kept, and links to other
 * articles point at their text-only pages. The HTML was sanitized already;
 * this only takes away.
 */
export function liteBody(html: string, articles: ReadonlySet<string>): string {
  const tree = fromHtml(html, { fragment: true }) as Root;
  tree.children = tree.children.flatMap((node) => lite(node, articles)) as RootContent[];
  return toHtml(tree);
}

function lite(node: RootContent, articles: ReadonlySet<string>): RootContent[] {
  if (node.type !== "element") return node.type === "comment" ? [] : [node];
  if (DROPPED.has(node.tagName)) return [];
  if (node.tagName === "figure") {
    const caption = node.children.find((c): c is Element => c.type === "element" && c.tagName === "figcaption");
    const said = caption === undefined ? altOf(node) : textOf(caption);
    return said === "" ? [] : [element("p", [element("i", [{ type: "text", value: `Picture: ${said}` }])])];
  }
  if (node.tagName === "img") {
    const alt = String(node.properties.alt ?? "").trim();
    return alt === "" ? [] : [element("i", [{ type: "text", value: `[Picture: ${alt}]` }])];
  }
  const properties: Element["properties"] = {};
  for (const name of ["href", "id", "cite", "lang", "dir", "colSpan", "rowSpan", "scope", "start", "reversed", "value", "dateTime", "title"]) {
    const value = node.properties[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  if (node.tagName === "a" && typeof properties.href === "string") properties.href = liteHref(properties.href, articles);
  // A link the full page opens elsewhere keeps saying so to the text-only reader's browser.
  if (node.tagName === "a" && node.properties.rel !== undefined) properties.rel = node.properties.rel;
  return [{ ...node, properties, children: node.children.flatMap((c) => lite(c, articles)) as ElementContent[] }];
}

function liteHref(href: string, articles: ReadonlySet<string>): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  return articles.has(path) ? `${liteUrl(path)}${cut === -1 ? "" : href.slice(cut)}` : href;
}

function element(tagName: string, children: ElementContent[]): Element {
  return { type: "element", tagName, properties: {}, children };
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return "";
  return node.children.map(textOf).join("").replace(/\s+/g, " ").trim();
}

function altOf(node: Element): string {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "img") return String(child.properties.alt ?? "").trim();
    const found = altOf(child);
    if (found !== "") return found;
  }
  return "";
}
