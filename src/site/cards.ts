import { formatDay, formatDayTime, type Moment, toIso } from "../content/dates.ts";
import type { SectionConfig, SiteConfig } from "../content/site-config.ts";
import type { Placed } from "./placing.ts";
import { directionOf, trimSummary } from "../text/display.ts";
import type { ArticleCard, SectionLink, TimeView } from "./view.ts";

export function time(moment: Moment): TimeView {
  return { iso: toIso(moment), day: formatDay(moment), dayTime: formatDayTime(moment) };
}

export const sectionLink = (s: SectionConfig): SectionLink => ({ slug: s.slug, title: s.title, url: `/${s.slug}/` });

/** What every list, sidebar and Check Also box shows of a published article. */
export function cardOf(p: Placed, config: SiteConfig): ArticleCard {
  const fm = p.article.frontMatter;
  const lang = fm.lang ?? config.language;
  return {
    slug: p.article.slug,
    url: p.url,
    title: fm.title,
    summary: fm.summary ?? trimSummary(p.article.body.firstParagraph ?? ""),
    outlet: fm.outlet ?? config.outlet,
    dateline: fm.dateline?.toUpperCase(),
    section: sectionLink(p.section),
    published: time(fm.date),
    lang,
    dir: directionOf(lang),
  };
}
