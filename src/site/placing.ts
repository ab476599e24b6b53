import { addressOf, safeSegment } from "../content/address.ts";
import { NAVIGATION_DEFAULT, type SectionConfig, type SiteConfig } from "../content/site-config.ts";
import { type Diagnostic, diagnose, type Position, START } from "../diagnostics/diagnostic.ts";
import type { LoadedArticle } from "../load/load-article.ts";
import { authorTypos } from "./author-names.ts";
import { isExpired } from "./expiry.ts";
import { resolveSection } from "./sections.ts";

/** An article with its section settled, its address, and whether it is published as of the build's moment. */
export interface Placed {
  readonly article: LoadedArticle;
  readonly section: SectionConfig;
  /** `/<section>/<slug>/`. */
  readonly url: string;
  readonly published: boolean;
  /** Taken down as of the build's moment (`expires`, site/expiry.ts): then never published. */
  readonly expired: boolean;
}

export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first; ties by slug, so equal times still give one order. */
export function newestFirst(a: Placed, b: Placed): number {
  return b.article.frontMatter.date.epoch - a.article.frontMatter.date.epoch || byCode(a.article.slug, b.article.slug);
}

/** Each article in its section, with the problems of its section and names; those without a section are left out. */
export function placeArticles(loaded: readonly LoadedArticle[], config: SiteConfig, now: number): { placed: Placed[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const placed: Placed[] = [];
  for (const article of loaded) {
    const { section, diagnostics: found } = resolveSection(article, config);
    diagnostics.push(...found);
    if (!section) continue;
    const fm = article.frontMatter;
    const url = `/${section.slug}/${safeSegment(article.slug).segment}/`;
    const expired = isExpired(fm, now);
    placed.push({ article, section, url, published: fm.draft !== true && fm.date.epoch <= now && !expired, expired });
    diagnostics.push(...reservedNames(article));
    diagnostics.push(...authorTypos(article, config));
  }
  return { placed, diagnostics };
}

/** Sections: the configured ones in order (even while empty), then the others by slug. */
export function sectionsOf(placed: readonly Placed[], config: SiteConfig): SectionConfig[] {
  const inUse = new Map<string, SectionConfig>();
  for (const p of placed) if (!inUse.has(p.section.slug)) inUse.set(p.section.slug, p.section);
  const configured = new Set(config.sections.map((s) => s.slug));
  return [...config.sections, ...[...inUse.values()].filter((s) => !configured.has(s.slug)).sort((a, b) => byCode(a.slug, b.slug))];
}

/** The masthead's sections: those `navigation` names, else the first few configured (or, with none configured, in use). */
export function navigationOf(config: SiteConfig, sections: readonly SectionConfig[]): SectionConfig[] {
  if (config.navigation !== undefined) return config.navigation.flatMap((slug) => sections.filter((s) => s.slug === slug).slice(0, 1));
  return (config.sections.length > 0 ? config.sections : sections).slice(0, NAVIGATION_DEFAULT);
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
