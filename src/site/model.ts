import { createHash } from "node:crypto";
import { type Moment, formatDayTime } from "../content/dates.ts";
import type { LoadedArticle } from "../content/load-article.ts";
import type { FrontMatter } from "../content/schema.ts";
import { diagnose, START, type Diagnostic, type Position } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { type Picks, type RelateInput, RelatedIndex } from "../relate/engine.ts";
import { NAVIGATION_DEFAULT, type SectionConfig, type SiteConfig } from "./config.ts";
import { cardDigests, checkAlsoByDigest } from "./card-digest.ts";
import { resolveSection } from "./sections.ts";
import { addressOf, safeSegment } from "../content/address.ts";
import { buildFiles, type FiledArticle } from "./files.ts";
import { authorUrl, buildListPages, type Listed, outletUrl, type SectionList, siteFeeds } from "./lists.ts";
import { absolute, breadcrumbList, newsArticle, webSite } from "./structured-data.ts";
import { ownPicture } from "../images/article-pictures.ts";
import { bodyLineInFile, imageProblem, resolveBodyImages } from "../images/body-images.ts";
import type { ImageJob } from "../images/encode.ts";
import { pictureInnerHtml } from "../images/picture-html.ts";
import { plainPicture, type PictureView } from "../images/picture.ts";
import { type Bundle, resolveLocalImage } from "../images/resolve.ts";
import { directionOf, headTitle } from "./text.ts";
import { cardSummary, displayTitle, standfirstOf } from "./display-text.ts";
import { timeViews } from "./time-view.ts";
import { authorTypos } from "./author-names.ts";
import type {
  ArticleCard,
  ArticleView,
  AuthorView,
  CheckAlsoItem,
  HomePage,
  ImageView,
  PageMeta,
  SectionLink,
  SiteModel,
} from "./view.ts";

export interface ModelResult {
  readonly model: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
  /** The published articles as the related engine saw them, for `npm run related`. */
  readonly relateInputs: readonly RelateInput[];
  /**
   * URL → digest of everything the view of the article there is made from,
   * for each published article whose view depends on nothing else (see
   * `selfContained`). Made only when the caller holds pages (`held`); a page
   * hashed by it is hashed by its inputs rather than its view.
   */
  readonly digests: ReadonlyMap<string, string>;
  /** Published articles: `model.articles` holds the views of those not held. */
  readonly published: number;
}

/**
 * Article pages the caller holds already (the previous output's): whether
 * it holds the page at `url` as a view made from inputs of that digest
 * renders it. Such a page's view is not made.
 */
export type HeldPages = (url: string, digest: string) => boolean;

/** An article with its section settled and its publication state known. */
interface Placed {
  readonly article: LoadedArticle;
  readonly section: SectionConfig;
  readonly published: boolean;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; ties by slug, so equal times still give one order. */
function newestFirst(a: Placed, b: Placed): number {
  return b.article.frontMatter.date.epoch - a.article.frontMatter.date.epoch || byCode(a.article.slug, b.article.slug);
}

const sectionLink = (s: SectionConfig): SectionLink => ({ slug: s.slug, title: s.title, url: `/${s.slug}/` });

/**
 * Relate the loaded articles to each other and to the site, and compute every
 * page's view model. Problems that need more than one file (Check Also
 * targets, sections) are found here. Slugs are unique already (duplicate-slugs.ts).
 */
export function buildSiteModel(
  loaded: readonly LoadedArticle[],
  config: SiteConfig,
  now: number,
  /** Slugs of article files that could not be loaded: their own errors are reported already. */
  unreadable: ReadonlySet<string> = new Set(),
  /** Undefined: every article's view is made. */
  held?: HeldPages,
): ModelResult {
  const diagnostics: Diagnostic[] = [];
  const time = timeViews(config);

  const placed: Placed[] = [];
  for (const article of loaded) {
    const { section, diagnostics: found } = resolveSection(article, config);
    diagnostics.push(...found);
    if (!section) continue;
    const fm = article.frontMatter;
    placed.push({ article, section, published: fm.draft !== true && fm.date.epoch <= now });
    diagnostics.push(...reservedNames(article));
    diagnostics.push(...authorTypos(article, config));
  }
  const placedBySlug = new Map(placed.map((p) => [p.article.slug, p]));
  const published = placed.filter((p) => p.published).sort(newestFirst);

  const url = (p: Placed): string => `/${p.section.slug}/${safeSegment(p.article.slug).segment}/`;
  const cards = new Map<string, ArticleCard>();
  for (const p of published) {
    const fm = p.article.frontMatter;
    const lang = fm.lang ?? config.language;
    cards.set(p.article.slug, {
      slug: p.article.slug,
      url: url(p),
      title: displayTitle(fm.title),
      summary: cardSummary(fm.summary, p.article.body.firstParagraph),
      outlet: fm.outlet ?? config.outlet,
      dateline: fm.dateline?.toUpperCase(),
      section: sectionLink(p.section),
      published: time(fm.date),
      lang,
      dir: directionOf(lang),
    });
  }
  const card = (slug: string): ArticleCard => {
    const found = cards.get(slug);
    if (!found) throw new Error(`internal: no card for published article \`${slug}\``);
    return found;
  };

  // Check Also: the editor's choices, each resolved or reported where it is written.
  const checkAlso = new Map<string, CheckAlsoItem[]>();
  for (const p of placed) {
    const items: CheckAlsoItem[] = [];
    const { article } = p;
    (article.frontMatter.check_also ?? []).forEach((entry, index) => {
      if (typeof entry !== "string") {
        items.push({ kind: "external", title: entry.title, url: entry.url, host: new URL(entry.url).hostname.replace(/^www\./, "") });
        return;
      }
      // Found only when a problem needs it: the positions cost a second read of the YAML (cached parses keep none).
      const at = () => article.locate(["check_also", index]);
      const file = article.file.display;
      const target = placedBySlug.get(entry.normalize("NFC"));
      if (!target) {
        if (unreadable.has(entry.normalize("NFC"))) return;
        diagnostics.push(diagnose("check-also-unresolved", file, at(), { slug: entry, suggestion: didYouMean(entry, placedBySlug.keys()) }));
      } else if (target === p) {
        diagnostics.push(diagnose("check-also-self", file, at(), { slug: entry }));
      } else if (!target.published) {
        // A draft may point at another draft: both go live together.
        if (p.published) {
          const scheduled = target.article.frontMatter.draft !== true;
          const state = scheduled ? `scheduled for ${formatDayTime(target.article.frontMatter.date)}` : "a draft";
          diagnostics.push(diagnose("check-also-unpublished", file, at(), { slug: entry, state, scheduled }));
        }
      } else {
        items.push({ kind: "article", article: card(target.article.slug) });
      }
    });
    checkAlso.set(article.slug, items);
  }

  const relateInputs = published.map((p) => relateInput(p, config, checkAlso.get(p.article.slug) ?? []));
  const related = new RelatedIndex(relateInputs, config.related).relateAll();

  const sections = sectionsOf(placed, config);
  const site = {
    name: config.name,
    url: config.url,
    description: config.description,
    language: config.language,
    locale: config.locale,
    dir: directionOf(config.language),
    outlet: config.outlet,
    sections: navigationOf(config, sections).map(sectionLink),
  };

  const authorsByName = new Map(config.authors.map((a) => [a.name.toLowerCase(), a]));
  const images: ImageJob[] = [];
  const checkAlsoOf = (p: Placed): CheckAlsoItem[] => checkAlsoItems(checkAlso.get(p.article.slug) ?? [], related.get(p.article.slug), card);
  const relatedOf = (p: Placed): ArticleCard[] => (related.get(p.article.slug)?.sidebar ?? []).map((pick) => card(pick.slug));
  /** The page search engines should index for an article: its own, or for wire copy the original's. */
  const canonicalOf = (fm: FrontMatter, url: string): string => fm.canonical_url ?? absolute(config, url);
  const isOwnCanonical = (fm: FrontMatter, url: string): boolean => new URL(canonicalOf(fm, url)).href === new URL(absolute(config, url)).href;
  const articleView = (p: Placed): ArticleView => {
    const fm = p.article.frontMatter;
    const base = card(p.article.slug);
    const authors = authorsOf(fm).map((name): AuthorView => {
      const known = authorsByName.get(name.toLowerCase());
      return { name, role: known?.role, bio: known?.bio, profiles: known?.profiles ?? [] };
    });
    const corrections = [...(fm.corrections ?? [])].sort((a, b) => a.date.epoch - b.date.epoch);
    const canonical = canonicalOf(fm, base.url);
    // Only the pictures the article shows are published, as files we encode: nothing else of its folder (article-pictures.ts).
    const bundle: Bundle = { dir: p.article.file.bundleDir, assets: p.article.file.assets, url: base.url, pictures: p.article.pictures ?? new Map() };
    const image = imageView(p, bundle, diagnostics, images);
    const body = resolveBodyImages(p.article.body.html, bundle, bodyLineInFile(p.article.file.absolute));
    images.push(...body.jobs);
    for (const problem of body.problems) diagnostics.push(diagnose(problem.rule, p.article.file.display, problem.at, problem.args));
    const breadcrumb = [
      { title: "Home", url: "/" },
      { title: p.section.title, url: base.section.url },
      { title: base.title, url: undefined },
    ];
    const modified = time(latestChange(fm));
    return {
      ...base,
      meta: {
        title: base.title,
        description: base.summary || undefined,
        canonical,
        ogType: "article",
        image: image === undefined ? undefined : absolute(config, image.src),
        jsonLd: [
          newsArticle(config, {
            headline: headTitle(base.title),
            description: base.summary,
            url: `${config.url}${base.url}`,
            published: base.published.iso,
            modified: modified.iso,
            authors: authors.map((a) => ({ ...a, url: absolute(config, authorUrl(a.name)) })),
            outlet: base.outlet,
            outletUrl: absolute(config, outletUrl(base.outlet)),
            image: image === undefined ? undefined : absolute(config, image.src),
            dateline: base.dateline,
            section: p.section.title,
            tags: fm.tags ?? [],
            lang: base.lang,
          }),
          breadcrumbList(config, breadcrumb, base.url),
        ],
        lang: base.lang,
        dir: base.dir,
        prev: undefined,
        next: undefined,
        feeds: [],
      },
      canonical,
      modified,
      corrections: corrections.map((c) => ({ date: time(c.date), text: c.text })),
      authors,
      updated: fm.updated === undefined ? undefined : time(fm.updated),
      standfirst: standfirstOf(fm.summary),
      tags: fm.tags ?? [],
      image,
      bodyHtml: body.html,
      checkAlso: checkAlsoOf(p),
      related: relatedOf(p),
      breadcrumb,
    };
  };

  // The digest of everything a self-contained article's view is made from: the parse's key (its
  // file and bytes), the config and chrome, and the cards it links to. A page the caller holds
  // under that digest is not modelled again (a feed may still want its view: made when asked).
  const digests = new Map<string, string>();
  if (held !== undefined) {
    const digestOf = cardDigests();
    const shared = createHash("sha256").update(JSON.stringify([config, site])).digest("hex");
    for (const p of published) {
      if (p.article.key === undefined || !selfContained(p)) continue;
      const digest = createHash("sha256")
        .update(`${shared}\0${p.article.key}\0${JSON.stringify(checkAlsoByDigest(checkAlsoOf(p), digestOf))}\0`)
        .update(relatedOf(p).map(digestOf).join(","))
        .digest("hex");
      digests.set(url(p), digest);
    }
  }
  const views = new Map<Placed, ArticleView>();
  const viewOf = (p: Placed): ArticleView => {
    let view = views.get(p);
    if (view === undefined) views.set(p, (view = articleView(p)));
    return view;
  };
  const isHeld = (p: Placed): boolean => {
    const digest = digests.get(url(p));
    return digest !== undefined && held !== undefined && held(url(p), digest);
  };
  const articles: ArticleView[] = published.filter((p) => !isHeld(p)).map(viewOf);

  const sectionLists: SectionList[] = sections.map((s) => ({
    section: sectionLink(s),
    description: s.description,
    articles: published.filter((p) => p.section.slug === s.slug).map((p) => card(p.article.slug)),
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
      ownCanonical: isOwnCanonical(fm, card(p.article.slug).url),
      published: fm.date.epoch,
      modified: time(latestChange(fm)),
      view: () => viewOf(p),
    };
  });
  const authorViews = new Map(config.authors.map((a) => [a.name.toLowerCase(), { name: a.name, role: a.role, bio: a.bio, profiles: a.profiles }]));
  const listPages = buildListPages(config, listed, sectionLists, authorViews);

  const lead = published[0] === undefined ? undefined : card(published[0].article.slug);
  const siteMeta = (title: string | undefined, url: string, description: string | undefined): PageMeta => ({
    title,
    description,
    canonical: absolute(config, url),
    ogType: "website",
    image: undefined,
    jsonLd: url === "/" ? [webSite(config)] : [],
    lang: config.language,
    dir: "ltr",
    prev: undefined,
    next: undefined,
    feeds: siteFeeds(config),
  });
  const home: HomePage = {
    lead,
    sections: sectionLists
      .map((list) => ({
        section: list.section,
        articles: list.articles.filter((a) => a.slug !== lead?.slug).slice(0, config.homePerSection),
      }))
      .filter((s) => s.articles.length > 0),
    meta: siteMeta(undefined, "/", config.description),
  };

  return {
    model: {
      site,
      home,
      articles,
      listPages,
      notFound: siteMeta("Page not found", "/404.html", undefined),
      search: siteMeta("Search", "/search/", `Search every article published by ${config.name}.`),
      sectionIndex: { meta: siteMeta("Sections", "/sections/", `Every section of ${config.name}.`), sections: sections.map(sectionLink) },
      files: buildFiles(
        config,
        listed,
        sectionLists.map((l) => l.section),
        listPages,
        now,
      ),
      images: uniqueJobs(images),
    },
    diagnostics,
    relateInputs,
    digests,
    published: published.length,
  };
}

/** Sections: the configured ones in order (even while empty), then the others by slug. */
function sectionsOf(placed: readonly Placed[], config: SiteConfig): SectionConfig[] {
  const inUse = new Map<string, SectionConfig>();
  for (const p of placed) if (!inUse.has(p.section.slug)) inUse.set(p.section.slug, p.section);
  const configured = new Set(config.sections.map((s) => s.slug));
  return [...config.sections, ...[...inUse.values()].filter((s) => !configured.has(s.slug)).sort((a, b) => byCode(a.slug, b.slug))];
}

/** Warnings for the names of an article that Windows reserves, each where it is written: their pages get other addresses. */
function reservedNames(article: LoadedArticle): Diagnostic[] {
  const fm = article.frontMatter;
  const file = article.file.display;
  const found: Diagnostic[] = [];
  const check = (field: string, name: string, address: { segment: string; change: string | undefined }, at: () => Position): void => {
    if (address.change === "reserved") found.push(diagnose("address-reserved", file, at(), { field, name, address: address.segment }));
  };
  check("file name", article.slug, safeSegment(article.slug), () => START);
  (fm.tags ?? []).forEach((tag, i) => check("tag", tag, addressOf(tag), () => article.locate(["tags", i])));
  if (fm.authors !== undefined) fm.authors.forEach((a, i) => check("author", a, addressOf(a), () => article.locate(["authors", i])));
  else if (fm.author !== undefined) check("author", fm.author, addressOf(fm.author), () => article.locate(["author"]));
  if (fm.outlet !== undefined) check("outlet", fm.outlet, addressOf(fm.outlet), () => article.locate(["outlet"]));
  return found;
}

/** The masthead's sections: those `navigation` names, else the first few configured (or, with none configured, in use). */
function navigationOf(config: SiteConfig, sections: readonly SectionConfig[]): SectionConfig[] {
  if (config.navigation !== undefined) return config.navigation.flatMap((slug) => sections.filter((s) => s.slug === slug).slice(0, 1));
  return (config.sections.length > 0 ? config.sections : sections).slice(0, NAVIGATION_DEFAULT);
}

function authorsOf(fm: FrontMatter): readonly string[] {
  return fm.authors ?? (fm.author === undefined ? [] : [fm.author]);
}

/** The latest of publication, update and corrections. */
function latestChange(fm: FrontMatter): Moment {
  return [fm.date, fm.updated, ...(fm.corrections ?? []).map((c) => c.date)]
    .filter((m): m is Moment => m !== undefined)
    .reduce((latest, m) => (m.epoch > latest.epoch ? m : latest));
}

/**
 * Whether an article's view is made from its parse, the config and the
 * cards it links to alone: no picture of its own is read from disk (their
 * sizes and files could change under the same article), and none of the
 * view's own problems (a picture missing, its alt text) can arise.
 */
function selfContained(p: Placed): boolean {
  const image = p.article.frontMatter.image;
  const external = image === undefined || (image.alt !== undefined && !ownPicture(image.src));
  return external && p.article.file.assets.length === 0 && !p.article.body.html.marksPictures;
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
    section: p.section.slug,
    outlet: fm.outlet ?? config.outlet,
    epoch: fm.date.epoch,
    exclude: editorPicks.filter((c): c is string => typeof c === "string"),
    hasCheckAlso: shown.length > 0,
  };
}

/** The editor's Check Also links; when there are none, the engine's best pick outside the sidebar. */
function checkAlsoItems(editor: CheckAlsoItem[], picks: Picks | undefined, card: (slug: string) => ArticleCard): CheckAlsoItem[] {
  if (editor.length > 0 || picks?.checkAlso === undefined) return editor;
  return [{ kind: "article", article: card(picks.checkAlso.slug) }];
}

/** Two articles may share nothing, but one picture may be used twice in an article: encode it once. */
function uniqueJobs(jobs: readonly ImageJob[]): ImageJob[] {
  return [...new Map(jobs.map((job) => [job.to, job])).values()].sort((a, b) => byCode(a.to, b.to));
}

/** The lead picture: resized into a `<picture>` when it sits beside the article, as it is from elsewhere. */
function imageView(p: Placed, bundle: Bundle, diagnostics: Diagnostic[], jobs: ImageJob[]): ImageView | undefined {
  const image = p.article.frontMatter.image;
  if (!image) return undefined;
  const file = p.article.file.display;
  if (image.alt === undefined) diagnostics.push(diagnose("image-alt-missing", file, p.article.locate(["image"], true), { src: image.src }));
  const alt = image.alt ?? "";
  const own = ownPicture(image.src);
  let picture: PictureView = plainPicture(image.src, undefined, true);
  // The page shares its widest fallback file: the original is never published.
  let src = own ? bundle.url : image.src;
  if (own) {
    const resolved = resolveLocalImage(image.src, bundle, "", true);
    if (resolved.ok) {
      picture = resolved.picture;
      src = resolved.shared;
      jobs.push(...resolved.jobs);
    } else {
      const problem = imageProblem(resolved, image.src, p.article.locate(["image", "src"]));
      diagnostics.push(diagnose(problem.rule, file, problem.at, problem.args));
    }
  }
  return {
    src,
    alt,
    caption: image.caption,
    credit: image.credit,
    width: picture.img.width,
    height: picture.img.height,
    pictureHtml: pictureInnerHtml(picture, alt),
  };
}
