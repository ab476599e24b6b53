import type { Moment } from "../content/dates.ts";
import type { SectionConfig, SiteConfig } from "../content/site-config.ts";
import { ownPicture, resolveLocalImage } from "../images/resolve.ts";
import { directionOf } from "../text/display.ts";
import { authorsOf } from "./article-view.ts";
import { cardSummary, displayTitle } from "./display-text.ts";
import type { Placed } from "./placing.ts";
import type { ArticleCard, CardPicture, SectionLink, TimeView } from "./view.ts";

export const sectionLink = (s: SectionConfig): SectionLink => ({ slug: s.slug, title: s.title, url: `/${s.slug}/` });

/** What every list, sidebar and Check Also box shows of a published article. */
export function cardOf(p: Placed, config: SiteConfig, time: (moment: Moment) => TimeView): ArticleCard {
  const fm = p.article.frontMatter;
  const lang = fm.lang ?? config.language;
  const picture = cardPicture(p);
  const names = authorsOf(fm);
  return {
    slug: p.article.slug,
    url: p.url,
    title: displayTitle(fm.title),
    summary: cardSummary(fm.summary, p.article.body.firstParagraph),
    outlet: fm.outlet ?? config.outlet,
    dateline: fm.dateline?.toUpperCase(),
    section: sectionLink(p.section),
    published: time(fm.date),
    lang,
    dir: directionOf(lang),
    ...(picture === undefined ? {} : { picture }),
    ...(names.length === 0 ? {} : { byline: names.join(", ") }),
  };
}

/**
 * The main picture as fronts and lists show it: the files made for the
 * article's page, addressed from the site root (they sit beside the page).
 * One that cannot be shown was reported (pictureDiagnostics), and the site
 * is not published then; a picture from elsewhere is shown as it is.
 */
function cardPicture(p: Placed): CardPicture | undefined {
  const image = p.article.frontMatter.image;
  if (image === undefined) return undefined;
  const alt = image.alt ?? "";
  if (!ownPicture(image.src)) return { sources: [], src: image.src, srcset: undefined, width: undefined, height: undefined, alt };
  const bundle = { dir: p.article.file.bundleDir, assets: p.article.file.assets, url: p.url, pictures: p.article.pictures };
  const resolved = resolveLocalImage(image.src, bundle, p.url, false);
  if (!resolved.ok) return undefined;
  const { sources, img } = resolved.picture;
  return { sources, src: img.src, srcset: img.srcset, width: img.width, height: img.height, alt };
}
