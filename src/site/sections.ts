import { type AddressChange, safeSegment } from "../content/address.ts";
import { slugify } from "../content/slug.ts";
import type { LoadedArticle } from "../content/load-article.ts";
import { diagnose, START, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { SectionConfig, SiteConfig } from "./config.ts";

export interface SectionResolution {
  /** Undefined when the article has no section at all (an error). */
  readonly section: SectionConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Top-level folders the site publishes itself (lists.ts, files.ts, public/,
 * search): a section with one of these addresses would overwrite them.
 * A test checks the built site has no other top-level folder.
 */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  "archive", "authors", "corrections", "css", "outlets", "page", "pagefind", "search", "sections", "sitemaps", "tags",
]);

export type SectionAddressProblem = "section-no-address" | "section-reserved";

/** Why a section slug cannot be a section's address, if it cannot. */
export function sectionAddressProblem(slug: string): SectionAddressProblem | undefined {
  if (slug === "") return "section-no-address";
  return RESERVED_SECTION_SLUGS.has(slug) ? "section-reserved" : undefined;
}

export interface SectionAddress {
  /** The section's slug and folder: its name made a safe path segment (address.ts). */
  readonly slug: string;
  readonly problem: SectionAddressProblem | undefined;
  readonly change: AddressChange | undefined;
}

/** A section's address from its name (`World` → `world`), and why it cannot have one, if it cannot. */
export function sectionAddress(name: string): SectionAddress {
  const plain = slugify(name);
  const { segment, change } = safeSegment(plain, name);
  return { slug: segment, problem: sectionAddressProblem(plain), change };
}

const titleCase = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1).replace(/-/g, " ");

/**
 * An article's section: its `section` field, else its folder; matched to the
 * site config by slug (`world` = `World`). A section the config does not list
 * still gets a page, with a warning and a "did you mean".
 */
export function resolveSection(article: LoadedArticle, config: SiteConfig): SectionResolution {
  const field = article.frontMatter.section;
  const folder = article.file.sectionFolder;
  const at = article.file.display;
  const diagnostics: Diagnostic[] = [];
  const written = field ?? folder;
  if (written === undefined) {
    return { section: undefined, diagnostics: [diagnose("section-missing", at, START, {})] };
  }
  const fieldPosition = field === undefined ? START : article.locate(["section"]);
  const { slug, problem, change } = sectionAddress(written);
  if (problem !== undefined) {
    return { section: undefined, diagnostics: [diagnose(problem, at, fieldPosition, { section: written, slug })] };
  }
  if (change === "reserved") diagnostics.push(diagnose("address-reserved", at, fieldPosition, { field: field === undefined ? "section folder" : "section", name: written, address: slug }));
  if (field !== undefined && folder !== undefined && slug !== sectionAddress(folder).slug) {
    diagnostics.push(diagnose("section-mismatch", at, fieldPosition, { field, folder }));
  }
  const listed = config.sections.find((s) => s.slug === slug);
  if (listed) return { section: listed, diagnostics };
  if (config.sections.length > 0) {
    const candidates = config.sections.flatMap((s) => [s.slug, s.title]);
    const guess = didYouMean(written, candidates);
    const suggestion = guess === undefined ? undefined : config.sections.find((s) => s.slug === guess || s.title === guess)?.slug;
    // A folder nobody listed is often a slip (a new desk, a misplaced file): say which file and both ways out.
    if (field === undefined) diagnostics.push(diagnose("section-folder-unlisted", at, fieldPosition, { folder: written, file: at, listed: config.sections.map((s) => s.slug), suggestion }));
    else diagnostics.push(diagnose("section-unknown", at, fieldPosition, { section: written, suggestion }));
  }
  return {
    section: { slug, title: field === undefined ? titleCase(written) : written, description: undefined },
    diagnostics,
  };
}
