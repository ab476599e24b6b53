import { sectionAddress } from "../content/section-address.ts";
import type { SectionConfig, SiteConfig } from "../content/site-config.ts";
import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { LoadedArticle } from "../load/load-article.ts";

export interface SectionResolution {
  /** Undefined when the article has no section at all (an error). */
  readonly section: SectionConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
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
  if (change === "reserved")
    diagnostics.push(diagnose("address-reserved", at, fieldPosition, { field: field === undefined ? "section folder" : "section", name: written, address: slug }));
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
    if (field === undefined)
      diagnostics.push(
        diagnose("section-folder-unlisted", at, fieldPosition, { folder: written, file: at, listed: config.sections.map((s) => s.slug), suggestion }),
      );
    else diagnostics.push(diagnose("section-unknown", at, fieldPosition, { section: written, suggestion }));
  }
  return {
    section: { slug, title: field === undefined ? titleCase(written) : written, description: undefined },
    diagnostics,
  };
}
