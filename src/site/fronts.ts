import type { FrontMatter, FrontPlace } from "../content/schema.ts";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { byCode, type Placed } from "./placing.ts";

/** Stories a section front features under its lead. */
export const SECTION_FEATURED = 3;

/** Which front an editor's choice is for: the front page (`front:`) or the article's section front (`section_front:`). */
export type FrontField = "front" | "section_front";

/** A front as shaped for one moment: its lead, the featured row, and the warnings of choices that could not all be kept. */
export interface ShapedFront {
  readonly lead: Placed | undefined;
  readonly featured: readonly Placed[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The editor's place for an article on a front, if it holds at `now`: a pin ends at `pin_until`, then the story is in the usual order. */
export function placeOn(fm: FrontMatter, field: FrontField, now: number): FrontPlace | undefined {
  const place = fm[field];
  if (place === undefined) return undefined;
  return fm.pin_until === undefined || fm.pin_until.epoch > now ? place : undefined;
}

/** When an article's pin ends, if it has a place on a front that would end then. */
export function pinEnds(fm: FrontMatter): FrontMatter["pin_until"] {
  return fm.front === undefined && fm.section_front === undefined ? undefined : fm.pin_until;
}

/** Newest by `date` first; ties by the file's path, so the answer is the same every build. */
function newestByDate(a: Placed, b: Placed): number {
  return b.article.frontMatter.date.epoch - a.article.frontMatter.date.epoch || byCode(a.article.file.display, b.article.file.display);
}

export interface FrontSpec {
  /** The published articles this front draws from, newest first. */
  readonly articles: readonly Placed[];
  readonly field: FrontField;
  /** How an editor names it: `the front page`, `the National front`. */
  readonly name: string;
  /** Stories the featured row holds. */
  readonly featured: number;
  /** The featured row when editors chose none or too few: from those not yet on the front, newest first. */
  readonly fill: (rest: readonly Placed[], chosen: readonly Placed[]) => readonly Placed[];
  readonly now: number;
}

/**
 * The lead and the featured row of one front. The lead is the article an
 * editor marked `lead` (of several, the newest, the others told which one
 * leads), else the newest. The featured row is those marked `featured`
 * (the newest that fit, the others told), then filled by `fill`. Only
 * published articles are on a front, so never a draft, a scheduled story or
 * one taken down.
 */
export function shapeFront(spec: FrontSpec): ShapedFront {
  const diagnostics: Diagnostic[] = [];
  const chosen = (place: FrontPlace): Placed[] => spec.articles.filter((p) => placeOn(p.article.frontMatter, spec.field, spec.now) === place).sort(newestByDate);
  const warnAt = (p: Placed) => p.article.locate([spec.field]);
  const [pinnedLead, ...otherLeads] = chosen("lead");
  const lead = pinnedLead ?? spec.articles[0];
  for (const p of otherLeads) {
    diagnostics.push(
      diagnose("front-lead-several", p.article.file.display, warnAt(p), {
        field: spec.field,
        front: spec.name,
        file: p.article.file.display,
        shown: pinnedLead?.article.file.display ?? "",
      }),
    );
  }
  const wanted = chosen("featured").filter((p) => p !== lead);
  const kept = wanted.slice(0, spec.featured);
  for (const p of wanted.slice(spec.featured)) {
    diagnostics.push(
      diagnose("front-featured-too-many", p.article.file.display, warnAt(p), { field: spec.field, front: spec.name, count: spec.featured, asked: wanted.length }),
    );
  }
  const taken = new Set<Placed>([...(lead === undefined ? [] : [lead]), ...kept]);
  const rest = spec.articles.filter((p) => !taken.has(p));
  const onFront = lead === undefined ? kept : [lead, ...kept];
  const featured = [...kept, ...spec.fill(rest, onFront).slice(0, Math.max(0, spec.featured - kept.length))];
  return { lead, featured, diagnostics };
}

/**
 * The front page's default featured row: the newest story of each section
 * not on the front yet, newest first, so the row shows the range of the
 * news (the sections' blocks below show the rest).
 */
export function fromOtherSections(rest: readonly Placed[], chosen: readonly Placed[]): Placed[] {
  const seen = new Set(chosen.map((p) => p.section.slug));
  const picks: Placed[] = [];
  for (const p of rest) {
    if (seen.has(p.section.slug)) continue;
    seen.add(p.section.slug);
    picks.push(p);
  }
  return picks;
}

/** A section front's default featured row: the next newest. */
export function nextNewest(rest: readonly Placed[]): readonly Placed[] {
  return rest;
}
