import type { SiteConfig } from "../content/site-config.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { ImageJob } from "../images/encode.ts";
import type { LoadedArticle } from "../load/load-article.ts";
import { RelatedIndex, type RelateInput } from "../relate/engine.ts";
import { directionOf } from "../text/display.ts";
import { type ArticleLinks, articleView, authorsOf, canonicalOf, latestChange, pictureDiagnostics, pictureFiles } from "./article-view.ts";
import { breakingStrip } from "./breaking.ts";
import { cardOf, sectionLink } from "./cards.ts";
import { checkAlsoItems, resolveCheckAlso } from "./check-also.ts";
import { buildFiles, type FiledArticle } from "./files.ts";
import { fromOtherSections, nextNewest, SECTION_FEATURED, shapeFront } from "./fronts.ts";
import { goneViews } from "./gone-pages.ts";
import { buildListPages, type Listed, type SectionList, siteFeeds } from "./lists.ts";
import { LITE_ROOT, liteArticle, liteBreaking, liteLink, liteUrl } from "./lite.ts";
import { liveView, withLive } from "./live.ts";
import { type ArticlePage, type FrontPage, type Page, PageKeys } from "./pages.ts";
import { byCode, navigationOf, newestFirst, type Placed, placeArticles, sectionsOf } from "./placing.ts";
import { nextScheduled, type Scheduled } from "./schedule.ts";
import { absolute, sharedImage, webSite } from "./structured-data.ts";
import { timeViews } from "./time-view.ts";
import type { ArticleCard, ArticleView, CheckAlsoItem, FrontPages, HomeSection, ListPage, LiteFront, PageMeta, SiteView } from "./view.ts";

/** A published article, as the site lists it. */
export interface PublishedArticle {
  readonly slug: string;
  readonly url: string;
  /** Its file, as editors name it. */
  readonly file: string;
  readonly card: ArticleCard;
}

/** The site as of one moment: what every page shares, and what is published. */
export interface Site {
  /** The chrome every page shows: name, masthead, language. */
  readonly chrome: SiteView;
  /** The pages made once per site. */
  readonly front: FrontPages;
  /** Every published article, newest first. */
  readonly articles: readonly PublishedArticle[];
  /** The resized pictures of every published article (src/images/encode.ts). */
  readonly images: readonly ImageJob[];
  /** The first article that goes live after the build's moment, if any. */
  readonly nextScheduled: Scheduled | undefined;
}

export interface BuiltSite {
  readonly site: Site;
  /** Every file the site publishes from a template: article pages, lists, front pages, feeds and sitemaps. */
  readonly pages: readonly Page[];
  /** Every problem found across articles (Check Also targets, sections, pictures): each article's own were found when it was loaded. */
  readonly diagnostics: readonly Diagnostic[];
  /** The published articles as the related engine saw them, for `npm run related`. */
  readonly relateInputs: readonly RelateInput[];
}

export interface SiteInput {
  /** The articles loaded, without those that have errors. */
  readonly articles: readonly LoadedArticle[];
  readonly config: SiteConfig;
  /** The moment the site is built "as of": later articles are scheduled, not published. */
  readonly now: number;
  /** Slugs (NFC) of article files that could not be loaded: their own errors are reported already. */
  readonly unreadable?: ReadonlySet<string>;
}

/**
 * The whole site from its loaded articles: placing them and deciding what is
 * published, the editors' Check Also boxes, relating, and every page. Pure
 * and total: it reads no file, and lists every page, each with the key of
 * what its view is made from; views are made only when a page is rendered.
 * Slugs are unique already (duplicate-slugs.ts).
 */
export function buildSite({ articles, config, now, unreadable = new Set() }: SiteInput): BuiltSite {
  const { placed, diagnostics } = placeArticles(articles, config, now);
  const time = timeViews(config);
  const published = placed.filter((p) => p.published).sort(newestFirst);
  for (const p of published) diagnostics.push(...pictureDiagnostics(p));

  const cards = new Map(published.map((p) => [p.article.slug, withLive(cardOf(p, config, time), p.article.frontMatter, now)]));
  const card = (slug: string): ArticleCard => {
    const found = cards.get(slug);
    if (!found) throw new Error(`internal: no card for published article \`${slug}\``);
    return found;
  };
  const checkAlso = resolveCheckAlso(placed, unreadable, card);
  diagnostics.push(...checkAlso.diagnostics);
  const editorBox = (p: Placed): readonly CheckAlsoItem[] => checkAlso.boxes.get(p.article.slug) ?? [];
  const relateInputs = published.map((p) => relateInput(p, config, editorBox(p)));
  const related = new RelatedIndex(relateInputs, config.related).relateAll();
  const linksOf = (p: Placed): ArticleLinks => ({
    card: card(p.article.slug),
    checkAlso: checkAlsoItems(editorBox(p), related.get(p.article.slug), card),
    related: (related.get(p.article.slug)?.sidebar ?? []).map((pick) => card(pick.slug)),
    coverage: liveView(p.article.frontMatter, p.article.body.liveUpdates, config, now, time),
  });

  const breaking = breakingStrip(published, config, now, time);
  diagnostics.push(...breaking.diagnostics);
  const sections = sectionsOf(placed, config);
  const chrome: SiteView = {
    name: config.name,
    url: config.url,
    description: config.description,
    language: config.language,
    locale: config.locale,
    dir: directionOf(config.language),
    outlet: config.outlet,
    sections: navigationOf(config, sections).map(sectionLink),
    breaking: breaking.strip,
  };
  const keys = new PageKeys(config, chrome);
  const authorsByName = new Map(config.authors.map((a) => [a.name.toLowerCase(), a]));

  // Each article's view at most once, when its page or a feed asks for it.
  const views = new Map<Placed, ArticleView>();
  const viewOf = (p: Placed): ArticleView => {
    let view = views.get(p);
    if (view === undefined) views.set(p, (view = articleView(p, config, authorsByName, linksOf(p), time)));
    return view;
  };
  const articlePages: ArticlePage[] = published.map((p) => {
    const links = linksOf(p);
    return {
      url: p.url,
      template: "article",
      key: keys.article(p.url, p.article.key, [...p.article.pictures], links),
      source: p.article.file.display,
      view: () => viewOf(p),
    };
  });

  // The fronts editors shape (fronts.ts): the front page, then each section's.
  const home = shapeFront({ articles: published, field: "front", name: "the front page", featured: config.homeFeatured, fill: fromOtherSections, now });
  diagnostics.push(...home.diagnostics);
  const cardsOf = (list: readonly Placed[]): ArticleCard[] => list.map((p) => card(p.article.slug));
  const sectionLists: SectionList[] = sections.map((s) => {
    const own = published.filter((p) => p.section.slug === s.slug);
    const shaped = shapeFront({ articles: own, field: "section_front", name: `the ${s.title} front`, featured: SECTION_FEATURED, fill: nextNewest, now });
    diagnostics.push(...shaped.diagnostics);
    const top = shaped.lead === undefined ? [] : [shaped.lead, ...shaped.featured];
    const onTop = new Set(top);
    return {
      section: sectionLink(s),
      description: s.description,
      articles: cardsOf([...top, ...own.filter((p) => !onTop.has(p))]),
      front: top.length,
    };
  });
  const onHome = new Set([...(home.lead === undefined ? [] : [home.lead]), ...home.featured]);
  const homeBlocks = sections.map((s) => ({
    section: sectionLink(s),
    articles: cardsOf(published.filter((p) => p.section.slug === s.slug && !onHome.has(p)).slice(0, config.homePerSection)),
  }));
  // One entry per published article for the lists and the files alike.
  const listed: (Listed & FiledArticle)[] = published.map((p) => {
    const fm = p.article.frontMatter;
    const corrections = fm.corrections ?? [];
    return {
      card: card(p.article.slug),
      tags: fm.tags ?? [],
      authors: authorsOf(fm),
      corrected: corrections.length === 0 ? undefined : Math.max(...corrections.map((c) => c.date.epoch)),
      corrections: corrections.map((c) => ({ date: time(c.date), text: c.text, epoch: c.date.epoch })),
      ownCanonical: new URL(canonicalOf(config, fm, p.url)).href === new URL(absolute(config, p.url)).href,
      published: fm.date.epoch,
      modified: time(latestChange(fm)),
      view: () => viewOf(p),
    };
  });
  const authorViews = new Map(config.authors.map((a) => [a.name.toLowerCase(), { name: a.name, role: a.role, bio: a.bio, profiles: a.profiles }]));
  const listPages = buildListPages(config, listed, sectionLists, authorViews);
  const files = buildFiles(
    config,
    listed,
    sectionLists.map((l) => l.section),
    listPages,
    now,
  );

  const front = frontPages(
    config,
    homeBlocks,
    home.lead === undefined ? undefined : card(home.lead.article.slug),
    cardsOf(home.featured),
    sections.map(sectionLink),
  );
  const frontPage = (template: FrontPage["template"], url: string): FrontPage => ({ url, template, key: keys.front(template, front), view: () => front });
  const litePages = textOnlyPages(
    config,
    chrome,
    articlePages,
    viewOf,
    published,
    front,
    listPages.filter((list) => list.kind === "section" && list.pageNumber === 1),
    keys,
  );
  const pages: Page[] = [
    ...articlePages,
    ...listPages.map((list): Page => ({ url: list.url, template: "list", key: keys.list(list), view: () => list })),
    ...files.map((file): Page => ({ url: file.url, template: "file", key: keys.file(file), view: () => file })),
    ...goneViews(placed, config).map((gone): Page => ({ url: gone.url, template: "gone", key: keys.gone(gone), view: () => gone })),
    frontPage("index", "/"),
    frontPage("404", "/404.html"),
    frontPage("search", "/search/"),
    frontPage("sections", "/sections/"),
    ...litePages,
  ];

  return {
    site: {
      chrome,
      front,
      articles: published.map((p) => ({ slug: p.article.slug, url: p.url, file: p.article.file.display, card: card(p.article.slug) })),
      images: uniqueJobs(published.flatMap(pictureFiles)),
      nextScheduled: nextScheduled(articles, now),
    },
    pages,
    diagnostics,
    relateInputs,
  };
}

/**
 * The text-only edition (site/lite.ts): each article's page, the front
 * page's headlines (the lead and featured first, then each section's
 * latest) and each section's, newest first.
 */
function textOnlyPages(
  config: SiteConfig,
  chrome: SiteView,
  articlePages: readonly ArticlePage[],
  viewOf: (p: Placed) => ArticleView,
  published: readonly Placed[],
  front: FrontPages,
  sectionFronts: readonly ListPage[],
  keys: PageKeys,
): Page[] {
  const addresses = new Set(published.map((p) => p.url));
  const breaking = liteBreaking(chrome.breaking);
  const articles = published.map((p, i): Page => {
    const url = liteUrl(p.url);
    return {
      url,
      template: "lite",
      key: keys.lite(url, (articlePages[i] as ArticlePage).key),
      view: () => liteArticle(viewOf(p), absolute(config, p.url), addresses, chrome.breaking),
    };
  });
  const top = [...(front.home.lead === undefined ? [] : [front.home.lead]), ...front.home.featured];
  const fronts: LiteFront[] = [
    {
      kind: "front",
      url: LITE_ROOT,
      full: absolute(config, "/"),
      title: undefined,
      blocks: [
        ...(top.length === 0 ? [] : [{ title: "Top stories", url: undefined, articles: top.map(liteLink) }]),
        ...front.home.sections.map((s) => ({ title: s.section.title, url: liteUrl(s.section.url), articles: s.articles.map(liteLink) })),
      ],
      breaking,
    },
    // Each section front's first page, at the address its full page names (lists.ts `meta.lite`).
    ...sectionFronts.map(
      (list): LiteFront => ({
        kind: "front",
        url: liteUrl(list.url),
        full: absolute(config, list.url),
        title: list.heading,
        blocks: [
          {
            title: list.heading,
            url: undefined,
            articles: [...(list.lead === undefined ? [] : [list.lead]), ...(list.featured ?? []), ...list.articles].map(liteLink),
          },
        ],
        breaking,
      }),
    ),
  ];
  return [...articles, ...fronts.map((view): Page => ({ url: view.url, template: "lite", key: keys.lite(view.url, view), view: () => view }))];
}

/** The front page (a lead, the featured row, then the latest of each section), 404, search and the sections' index. */
function frontPages(
  config: SiteConfig,
  blocks: readonly HomeSection[],
  lead: ArticleCard | undefined,
  featured: readonly ArticleCard[],
  sections: FrontPages["sectionIndex"]["sections"],
): FrontPages {
  const siteMeta = (title: string | undefined, url: string, description: string | undefined): PageMeta => ({
    title,
    description,
    canonical: absolute(config, url),
    ogType: "website",
    ...sharedImage(config, undefined),
    jsonLd: url === "/" ? [webSite(config)] : [],
    lang: config.language,
    dir: "ltr",
    prev: undefined,
    next: undefined,
    feeds: siteFeeds(config),
    ...(url === "/" ? { lite: LITE_ROOT } : {}),
  });
  return {
    home: {
      lead,
      featured,
      sections: blocks.filter((s) => s.articles.length > 0),
      meta: siteMeta(undefined, "/", config.description),
    },
    notFound: siteMeta("Page not found", "/404.html", undefined),
    search: siteMeta("Search", "/search/", `Search every article published by ${config.name}.`),
    sectionIndex: { meta: siteMeta("Sections", "/sections/", `Every section of ${config.name}.`), sections },
  };
}

/**
 * What the related engine reads of an article. `shown` is the editor's Check
 * Also as it can be shown now: entries left out (the article itself, a draft,
 * a story not yet published) leave the box to the engine's pick when none remain.
 */
function relateInput(p: Placed, config: SiteConfig, shown: readonly CheckAlsoItem[]): RelateInput {
  const fm = p.article.frontMatter;
  const editorPicks = fm.check_also ?? [];
  return {
    slug: p.article.slug,
    title: fm.title,
    text: [fm.summary ?? "", p.article.body.plainText],
    tags: fm.tags ?? [],
    language: fm.lang ?? config.language,
    section: p.section.slug,
    outlet: fm.outlet ?? config.outlet,
    epoch: fm.date.epoch,
    exclude: editorPicks.filter((c): c is string => typeof c === "string"),
    hasCheckAlso: shown.length > 0,
  };
}

/** Two articles may share nothing, but one picture may be used twice in an article: encode it once. */
function uniqueJobs(jobs: readonly ImageJob[]): ImageJob[] {
  return [...new Map(jobs.map((job) => [job.to, job])).values()].sort((a, b) => byCode(a.to, b.to));
}
