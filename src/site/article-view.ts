import path from "node:path";
import { type Moment, toIso } from "../content/dates.ts";
import type { FrontMatter } from "../content/schema.ts";
import type { AuthorConfig, SiteConfig } from "../content/site-config.ts";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { resolveBodyImages } from "../images/body-images.ts";
import type { ImageJob, PictureRights } from "../images/encode.ts";
import { type PictureView, plainPicture } from "../images/picture.ts";
import { pictureInnerHtml } from "../images/picture-html.ts";
import { type PictureRef, pictureProblems } from "../images/picture-problems.ts";
import { assetName, type Bundle, ownPicture, pictureJobs, resolveLocalImage } from "../images/resolve.ts";
import { headTitle } from "../text/display.ts";
import { standfirstOf } from "./display-text.ts";
import { authorUrl, outletUrl } from "./lists.ts";
import { liteUrl } from "./lite.ts";
import { liveBlogFields } from "./live.ts";
import type { Placed } from "./placing.ts";
import { absolute, breadcrumbList, newsArticle, sharedImage } from "./structured-data.ts";
import type { ArticleCard, ArticleView, AuthorView, CheckAlsoItem, ImageView, LiveView, TimeView } from "./view.ts";

/** What an article's page shows besides the article itself: chosen by the editor and the engine from the others. */
export interface ArticleLinks {
  readonly card: ArticleCard;
  readonly checkAlso: readonly CheckAlsoItem[];
  readonly related: readonly ArticleCard[];
  /** A live article's coverage as of the build (site/live.ts). */
  readonly coverage: LiveView | undefined;
}

export function authorsOf(fm: FrontMatter): readonly string[] {
  return fm.authors ?? (fm.author === undefined ? [] : [fm.author]);
}

/** Who made the main picture and on what terms, as its files (XMP) and the page's data (ImageObject) give them. */
function rightsOf(image: NonNullable<FrontMatter["image"]>): PictureRights {
  return { credit: image.credit, creator: image.creator, copyright: image.copyright, license: image.license };
}

/** The latest of publication, update and corrections. */
export function latestChange(fm: FrontMatter): Moment {
  return [fm.date, fm.updated, ...(fm.corrections ?? []).map((c) => c.date)]
    .filter((m): m is Moment => m !== undefined)
    .reduce((latest, m) => (m.epoch > latest.epoch ? m : latest));
}

/** The page search engines should index for an article: its own, or for wire copy the original's. */
export function canonicalOf(config: SiteConfig, fm: FrontMatter, url: string): string {
  return fm.canonical_url ?? absolute(config, url);
}

/** The article's folder, as its pictures are resolved against: only the pictures it shows, probed when it was loaded. */
function bundleOf(p: Placed): Bundle {
  return { dir: p.article.file.bundleDir, assets: p.article.file.assets, url: p.url, pictures: p.article.pictures };
}

/** The problems of an article's pictures (its lead picture's alt text, pictures missing or unreadable), each where it is written. */
export function pictureDiagnostics(p: Placed): Diagnostic[] {
  const { article } = p;
  const file = article.file.display;
  const found: Diagnostic[] = [];
  const image = article.frontMatter.image;
  const refs: PictureRef[] = [];
  if (image !== undefined) {
    if (image.alt === undefined) found.push(diagnose("image-alt-missing", file, article.locate(["image"], true), { src: image.src }));
    if (ownPicture(image.src)) refs.push({ src: image.src, at: () => article.locate(["image", "src"]) });
  }
  for (const { src, position } of article.bodyPictures) refs.push({ src, at: () => position });
  return [...found, ...pictureProblems(file, bundleOf(p), refs)];
}

/** The files an article's pictures are encoded into: every picture it shows, each once. */
export function pictureFiles(p: Placed): ImageJob[] {
  const { bundleDir } = p.article.file;
  const jobs: ImageJob[] = [];
  if (bundleDir === undefined) return jobs;
  // The front matter says who made the main picture: its files carry it, wherever the article shows it.
  const image = p.article.frontMatter.image;
  const lead = image === undefined || !ownPicture(image.src) ? undefined : assetName(image.src);
  const rights = image === undefined ? undefined : rightsOf(image);
  for (const [name, probed] of p.article.pictures) {
    if (probed.kind !== "raster") continue;
    jobs.push(...pictureJobs({ name, file: path.join(bundleDir, ...name.split("/")) }, probed, p.url, name === lead ? rights : undefined));
  }
  return jobs;
}

/**
 * An article's page. Pure: made from the article as loaded (its parse and
 * the probes of its pictures), the config and the cards it links to, and
 * nothing else, which is what its page's key hashes (pages.ts).
 */
export function articleView(
  p: Placed,
  config: SiteConfig,
  authorsByName: ReadonlyMap<string, AuthorConfig>,
  links: ArticleLinks,
  time: (moment: Moment) => TimeView,
): ArticleView {
  const fm = p.article.frontMatter;
  const base = links.card;
  const authors = authorsOf(fm).map((name): AuthorView => {
    const known = authorsByName.get(name.toLowerCase());
    return { name, role: known?.role, bio: known?.bio, profiles: known?.profiles ?? [] };
  });
  const corrections = [...(fm.corrections ?? [])].sort((a, b) => a.date.epoch - b.date.epoch);
  const canonical = canonicalOf(config, fm, base.url);
  const bundle = bundleOf(p);
  const image = imageView(fm, bundle);
  const body = resolveBodyImages(p.article.body.html, bundle);
  const breadcrumb = [
    { title: "Home", url: "/" },
    { title: p.section.title, url: base.section.url },
    { title: base.title, url: undefined },
  ];
  const changed = latestChange(fm);
  const modified = time(changed);
  const page = { url: `${config.url}${base.url}`, headline: headTitle(base.title), modified: changed };
  const live = fm.live === true ? liveBlogFields(fm, p.article.body.liveUpdates ?? [], page) : undefined;
  return {
    ...base,
    source: p.article.file.display,
    meta: {
      title: base.title,
      description: base.summary || undefined,
      canonical,
      ogType: "article",
      // Search engines drop the page then too, even before the build that takes it down.
      ...(fm.expires === undefined ? {} : { robots: `unavailable_after: ${toIso(fm.expires)}` }),
      ...sharedImage(config, image === undefined ? undefined : { url: image.src, alt: image.alt }),
      jsonLd: [
        newsArticle(
          config,
          {
            headline: headTitle(base.title),
            description: base.summary,
            url: `${config.url}${base.url}`,
            published: base.published.iso,
            modified: modified.iso,
            authors: authors.map((a) => ({ ...a, url: absolute(config, authorUrl(a.name)) })),
            outlet: base.outlet,
            outletUrl: absolute(config, outletUrl(base.outlet)),
            image:
              image === undefined || fm.image === undefined
                ? undefined
                : { url: absolute(config, image.src), caption: fm.image.caption, ...rightsOf(fm.image), acquireLicensePage: fm.image.acquire_license_page },
            dateline: base.dateline,
            section: p.section.title,
            tags: fm.tags ?? [],
            lang: base.lang,
            corrections: corrections.map((c) => ({ date: toIso(c.date), text: c.text })),
          },
          live,
        ),
        breadcrumbList(config, breadcrumb, base.url),
      ],
      lang: base.lang,
      dir: base.dir,
      prev: undefined,
      next: undefined,
      feeds: [],
      lite: liteUrl(base.url),
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
    checkAlso: links.checkAlso,
    related: links.related,
    breadcrumb,
    coverage: links.coverage,
  };
}

/** The lead picture: resized into a `<picture>` when it sits beside the article, as it is from elsewhere. */
function imageView(fm: FrontMatter, bundle: Bundle): ImageView | undefined {
  const image = fm.image;
  if (!image) return undefined;
  const alt = image.alt ?? "";
  const own = ownPicture(image.src);
  let picture: PictureView = plainPicture(image.src, undefined, true);
  // The page shares its widest fallback file: the original is never published.
  let src = own ? bundle.url : image.src;
  if (own) {
    // One that cannot be shown was reported (pictureDiagnostics), and the site is not published then.
    const resolved = resolveLocalImage(image.src, bundle, "", true);
    if (resolved.ok) {
      picture = resolved.picture;
      src = resolved.shared;
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
