import { ArticleCard } from "./_components/ArticleCard.tsx";
import type { PageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";

/** The front page: the lead story, then each section's latest, in the site config's order. */
export const data = { permalink: "/index.html", eleventyExcludeFromCollections: true };

export function render({ model }: PageData) {
  const { home, site } = model;
  return (
    <Layout site={site} meta={home.meta}>
      <h1 class="visually-hidden">{site.name}</h1>
      {home.lead === undefined ? (
        <p class="empty">No articles have been published yet.</p>
      ) : (
        <section class="lead" aria-label="Lead story">
          <ArticleCard article={home.lead} level={2} showSection />
        </section>
      )}
      <div class="home-sections">
        {home.sections.map((block) => (
          <section class="home-section" aria-labelledby={`home-${block.section.slug}`}>
            <h2 id={`home-${block.section.slug}`}>
              <a href={block.section.url} dir="auto">
                {block.section.title}
              </a>
            </h2>
            <ul class="card-list">
              {block.articles.map((article) => (
                <li>
                  <ArticleCard article={article} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
