import { type AddressChange, safeSegment } from "./address.ts";
import { slugify } from "./slug.ts";

/**
 * Top-level folders the site publishes itself (lists.ts, files.ts, public/,
 * search): a section with one of these addresses would overwrite them.
 * A test checks the built site has no other top-level folder.
 */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
  "archive",
  "authors",
  "corrections",
  "css",
  "lite",
  "outlets",
  "page",
  "pagefind",
  "search",
  "sections",
  "sitemaps",
  "tags",
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
