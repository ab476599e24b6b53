import type { SiteConfig } from "../content/site-config.ts";
import { scriptJson } from "./json-ld.ts";
import type { AuthorView, Crumb } from "./view.ts";

/** schema.org data for search engines, as escaped JSON ready for a `<script>` block. */

export function absolute(config: SiteConfig, url: string): string {
  return /^https?:\/\//.test(url) ? url : `${config.url}${url.startsWith("/") ? "" : "/"}${url}`;
}

/**
 * The picture a page shares on social media (`og:image`): its own, else the
 * site's `image:` from site.yaml, else none. Only a page's own picture makes
 * a large card.
 */
export function sharedImage(
  config: SiteConfig,
  own: { readonly url: string; readonly alt: string } | undefined,
): { readonly image: string | undefined; readonly imageAlt?: string; readonly ownImage?: true } {
  if (own !== undefined) return { image: absolute(config, own.url), ...(own.alt === "" ? {} : { imageAlt: own.alt }), ownImage: true };
  const fallback = config.defaultImage;
  return fallback === undefined ? { image: undefined } : { image: absolute(config, fallback.src), imageAlt: fallback.alt };
}

/** The main picture, absolute, with who made it and on what terms (IPTC's fields as schema.org has them). */
export interface ImageFacts {
  readonly url: string;
  readonly caption?: string | undefined;
  readonly credit?: string | undefined;
  readonly creator?: string | undefined;
  readonly copyright?: string | undefined;
  readonly license?: string | undefined;
  readonly acquireLicensePage?: string | undefined;
}

function imageObject(image: ImageFacts): Record<string, unknown> {
  return {
    "@type": "ImageObject",
    url: image.url,
    contentUrl: image.url,
    caption: image.caption,
    creditText: image.credit,
    creator: image.creator === undefined ? undefined : { "@type": "Person", name: image.creator },
    copyrightNotice: image.copyright,
    license: image.license,
    acquireLicensePage: image.acquireLicensePage,
  };
}

export interface NewsArticleFacts {
  readonly headline: string;
  readonly description: string;
  readonly url: string;
  readonly published: string;
  readonly modified: string;
  /** With the absolute address of each author's page. */
  readonly authors: readonly (AuthorView & { readonly url: string })[];
  readonly outlet: string;
  readonly outletUrl: string;
  readonly image: ImageFacts | undefined;
  readonly dateline: string | undefined;
  readonly section: string;
  readonly tags: readonly string[];
  readonly lang: string;
  /** Oldest first, each with its date as ISO 8601. */
  readonly corrections: readonly { readonly date: string; readonly text: string }[];
}

/** `live`: the fields that make a live article's data a `LiveBlogPosting` (site/live.ts). */
export function newsArticle(config: SiteConfig, facts: NewsArticleFacts, live?: Record<string, unknown>): string {
  return scriptJson({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: facts.headline,
    description: facts.description || undefined,
    mainEntityOfPage: facts.url,
    url: facts.url,
    datePublished: facts.published,
    dateModified: facts.modified,
    author:
      facts.authors.length > 0
        ? facts.authors.map((a) => ({
            "@type": "Person",
            name: a.name,
            url: a.url,
            ...(a.role ? { jobTitle: a.role } : {}),
            ...(a.profiles.length > 0 ? { sameAs: a.profiles } : {}),
          }))
        : [{ "@type": "Organization", name: facts.outlet, url: facts.outletUrl }],
    // The outlet the story comes from (a wire, a partner): an Organization with its page, beside the publisher.
    sourceOrganization: { "@type": "Organization", name: facts.outlet, url: facts.outletUrl },
    publisher: publisher(config),
    image: facts.image === undefined ? undefined : [imageObject(facts.image)],
    dateline: facts.dateline,
    articleSection: facts.section,
    keywords: facts.tags.length > 0 ? facts.tags : undefined,
    inLanguage: facts.lang,
    correction: facts.corrections.length > 0 ? facts.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: c.date })) : undefined,
    ...live,
  });
}

/** Matches the visible breadcrumb, item for item. */
export function breadcrumbList(config: SiteConfig, crumbs: readonly Crumb[], currentUrl: string): string {
  return scriptJson({
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: crumb.title,
      item: absolute(config, crumb.url ?? currentUrl),
    })),
  });
}

export function webSite(config: SiteConfig): string {
  return scriptJson({
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: config.name,
    url: `${config.url}/`,
    description: config.description,
    inLanguage: config.language,
    publisher: publisher(config),
  });
}

/**
 * The newsroom as a `NewsMediaOrganization`, with the policy pages site.yaml
 * names (the Trust Project's indicators) as absolute addresses: search
 * engines and news readers look for them to judge a source.
 */
export function publisher(config: SiteConfig): Record<string, unknown> {
  return {
    "@type": "NewsMediaOrganization",
    name: config.name,
    url: `${config.url}/`,
    logo: { "@type": "ImageObject", url: absolute(config, config.logo) },
    ...Object.fromEntries(Object.entries(config.policies).map(([property, url]) => [property, absolute(config, url)])),
    ...(config.publisherSameAs.length > 0 ? { sameAs: config.publisherSameAs } : {}),
  };
}
