import type { PageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";

/** Served by static hosts for unknown addresses. */
export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ model }: PageData) {
  const { site } = model;
  return (
    <Layout site={site} title="Page not found" description={undefined} canonical={`${site.url}/404.html`}>
      <header class="page-header">
        <h1>Page not found</h1>
      </header>
      <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        Go to the <a href="/">front page</a>, or browse a section:
      </p>
      <ul class="section-links">
        {site.sections.map((s) => (
          <li>
            <a href={s.url}>{s.title}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
