import { ArticleCard } from "./_components/ArticleCard.tsx";
import type { PageData } from "./_components/data.ts";
import { FrontStories } from "./_components/FrontStories.tsx";
import { Layout } from "./_components/Layout.tsx";

/** The front page: the lead story, the featured row, then each section's latest, in the site config's order. */
export const data = { permalink: "/index.html", eleventyExcludeFromCollections: true };

export function render({ model }: PageData) {
  const { home, site } = model;
  return (
    <Layout site={site} meta={home.meta}>
      <h1 class="visually-hidden">{site.name}</h1>
      {home.lead === undefined ? <p class="empty">No articles have been published yet.</p> : <FrontStories lead={home.lead} featured={home.featured} showSection />}
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
                  <ArticleCard article={article} picture="thumb" />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
