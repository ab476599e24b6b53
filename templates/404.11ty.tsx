import type { PageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";
import { SectionLinks } from "./_components/SectionLinks.tsx";

/** Served by static hosts for unknown addresses. */
export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ model }: PageData) {
  const { site } = model;
  return (
    <Layout site={site} meta={model.notFound}>
      <header class="page-header">
        <h1>Page not found</h1>
      </header>
      <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        Go to the <a href="/">front page</a>, or browse a section:
      </p>
      <SectionLinks sections={site.sections} class="section-links" />
    </Layout>
  );
}
