import type { ComponentChildren } from "preact";
import type { PageMeta, SiteView } from "../../src/site/view.ts";
import { headTitle, isolateText, ogLocale } from "../../src/text/display.ts";
import { BreakingStrip } from "./BreakingStrip.tsx";
import { SectionLinks } from "./SectionLinks.tsx";

/**
 * The site's own words (navigation, labels, dates) on a page in another
 * language keep the site's language and direction: an English masthead on a
 * Dari article is set left to right and read by screen readers as English.
 */
export function chrome(site: SiteView, meta: PageMeta): { lang?: string; dir?: "ltr" | "rtl" } {
  return meta.lang === site.language && meta.dir === site.dir ? {} : { lang: site.language, dir: site.dir };
}

/** `currentSection` of the sections index, which the masthead's last link names. */
export const ALL_SECTIONS = "/sections/";

export interface LayoutProps {
  readonly site: SiteView;
  readonly meta: PageMeta;
  /** The section to mark as current in the navigation. */
  readonly currentSection?: string | undefined;
  /** Module scripts for this page: only the search page has one; every other page reads without JavaScript. */
  readonly scripts?: readonly string[];
  /** The search page marks its own link in the masthead. */
  readonly currentSearch?: boolean;
  readonly children: ComponentChildren;
}

/** The page shell: head with metadata, skip link, masthead with section navigation, footer. */
export function Layout(props: LayoutProps) {
  const { site, meta } = props;
  const title = meta.title === undefined ? undefined : headTitle(meta.title);
  const fullTitle = title === undefined ? isolateText(site.name) : `${isolateText(title)} | ${isolateText(site.name)}`;
  return (
    <html lang={meta.lang} dir={meta.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description === undefined ? null : <meta name="description" content={meta.description} />}
        {meta.robots === undefined ? null : <meta name="robots" content={meta.robots} />}
        {meta.canonical === undefined ? null : <link rel="canonical" href={meta.canonical} />}
        {meta.prev === undefined ? null : <link rel="prev" href={meta.prev} />}
        {meta.next === undefined ? null : <link rel="next" href={meta.next} />}
        {meta.feeds.map((feed) => (
          <link rel="alternate" type={feed.type} title={feed.title} href={feed.url} />
        ))}
        {meta.lite === undefined ? null : <link rel="alternate" type="text/html" title="Text-only version" href={meta.lite} />}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={meta.ogType} />
        <meta property="og:title" content={title ?? site.name} />
        {meta.description === undefined ? null : <meta property="og:description" content={meta.description} />}
        {meta.canonical === undefined ? null : <meta property="og:url" content={meta.canonical} />}
        <meta property="og:locale" content={meta.lang === site.language ? site.locale : ogLocale(meta.lang)} />
        {meta.image === undefined ? null : <meta property="og:image" content={meta.image} />}
        {meta.image === undefined || meta.imageAlt === undefined ? null : <meta property="og:image:alt" content={meta.imageAlt} />}
        <meta name="twitter:card" content={meta.ownImage === true ? "summary_large_image" : "summary"} />
        {meta.jsonLd.map((json) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
        ))}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/css/site.css" />
        {(props.scripts ?? []).map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main" {...chrome(site, meta)}>
          Skip to content
        </a>
        <header class="masthead" {...chrome(site, meta)}>
          <div class="masthead-inner">
            <a class="site-name" href="/" dir="auto">
              {site.name}
            </a>
            {site.description === undefined ? null : <p class="site-tagline">{site.description}</p>}
            <a class="search-link" href="/search/" aria-current={props.currentSearch === true ? "page" : undefined}>
              <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24">
                <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5" />
                <path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
              </svg>
              Search
            </a>
            <a class="lite-link" href={meta.lite ?? "/lite/"}>
              Text only
            </a>
          </div>
          <nav class="sections-nav" aria-label="Sections">
            <ul>
              {site.sections.map((s) => (
                <li>
                  <a href={s.url} aria-current={s.slug === props.currentSection ? "page" : undefined} dir="auto">
                    {s.title}
                  </a>
                </li>
              ))}
              <li>
                <a href="/sections/" aria-current={props.currentSection === ALL_SECTIONS ? "page" : undefined}>
                  All sections
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <BreakingStrip strip={site.breaking} attributes={chrome(site, meta)} />
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer" {...chrome(site, meta)}>
          <p>
            <a href="/" dir="auto">
              {site.name}
            </a>
            {site.description === undefined ? null : (
              <>
                {" · "}
                <bdi>{site.description}</bdi>
              </>
            )}
          </p>
          <nav aria-label="Footer">
            <SectionLinks sections={site.sections} />
            <ul>
              <li>
                <a href="/corrections/">Corrections</a>
              </li>
              <li>
                <a href="/search/">Search</a>
              </li>
              <li>
                <a href="/feed.xml">Feed</a>
              </li>
              <li>
                <a href={meta.lite ?? "/lite/"}>Text-only edition</a>
              </li>
            </ul>
          </nav>
        </footer>
      </body>
    </html>
  );
}
