import type { PageData } from "./_components/data.ts";
import { ALL_SECTIONS, Layout } from "./_components/Layout.tsx";
import { SectionLinks } from "./_components/SectionLinks.tsx";

/**
 * Every section, on one page: the masthead lists only a few (config.ts
 * `navigation`), so that a site of many sections does not repeat them all
 * on every page, and links here.
 */
export const data = { permalink: "/sections/index.html", eleventyExcludeFromCollections: true };

export function render({ model }: PageData) {
  const { site, sectionIndex } = model;
  return (
    <Layout site={site} meta={sectionIndex.meta} currentSection={ALL_SECTIONS}>
      <header class="page-header">
        <h1>Sections</h1>
        <p class="page-description">Every section of {site.name}.</p>
      </header>
      <SectionLinks sections={sectionIndex.sections} class="section-links" />
    </Layout>
  );
}
