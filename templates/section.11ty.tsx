import { ArticleCard } from "./_components/ArticleCard.tsx";
import type { SectionPageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";

/** One page per section, its articles newest first, at `/<section>/`. */
export const data = {
  pagination: { data: "model.sectionPages", size: 1, alias: "sectionPage", addAllPagesToCollections: false },
  permalink: (d: SectionPageData) => d.sectionPage.section.url,
  eleventyExcludeFromCollections: true,
};

export function render({ model, sectionPage }: SectionPageData) {
  const { section } = sectionPage;
  return (
    <Layout
      site={model.site}
      title={section.title}
      description={sectionPage.description ?? `The latest ${section.title} news from ${model.site.name}.`}
      canonical={sectionPage.canonical}
      currentSection={section.slug}
    >
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li>
            <a href="/">Home</a>
          </li>
          <li>
            <span aria-current="page">{section.title}</span>
          </li>
        </ol>
      </nav>
      <header class="page-header">
        <h1>{section.title}</h1>
        {sectionPage.description === undefined ? null : <p class="page-description">{sectionPage.description}</p>}
      </header>
      {sectionPage.articles.length === 0 ? (
        <p class="empty">No articles in this section yet.</p>
      ) : (
        <ul class="card-list section-list">
          {sectionPage.articles.map((article) => (
            <li>
              <ArticleCard article={article} level={2} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
