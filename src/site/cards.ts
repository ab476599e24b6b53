import type { Moment } from "../content/dates.ts";
import type { SectionConfig, SiteConfig } from "../content/site-config.ts";
import { directionOf } from "../text/display.ts";
import { cardSummary, displayTitle } from "./display-text.ts";
import type { Placed } from "./placing.ts";
import type { ArticleCard, SectionLink, TimeView } from "./view.ts";

export const sectionLink = (s: SectionConfig): SectionLink => ({ slug: s.slug, title: s.title, url: `/${s.slug}/` });

/** What every list, sidebar and Check Also box shows of a published article. */
export function cardOf(p: Placed, config: SiteConfig, time: (moment: Moment) => TimeView): ArticleCard {
  const fm = p.article.frontMatter;
  const lang = fm.lang ?? config.language;
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
  };
}
