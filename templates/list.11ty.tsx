import { ArticleCard } from "./_components/ArticleCard.tsx";
import { Breadcrumb } from "./_components/Breadcrumb.tsx";
import type { ListPageData } from "./_components/data.ts";
import { FrontStories } from "./_components/FrontStories.tsx";
import { Headline } from "./_components/Headline.tsx";
import { Layout } from "./_components/Layout.tsx";

/** Every list page: section fronts, tag, author and outlet pages, date archives, corrections. */
export const data = {
  pagination: { data: "model.listPages", size: 1, alias: "list", addAllPagesToCollections: false },
  permalink: (d: ListPageData) => d.list.url,
  eleventyExcludeFromCollections: true,
};

export function render({ model, list }: ListPageData) {
  return (
    <Layout site={model.site} meta={list.meta} currentSection={list.section}>
      <Breadcrumb crumbs={list.breadcrumb} />
      <header class="page-header">
        {list.kind === "section" || list.kind === "archive" || list.kind === "corrections" ? null : (
          <p class="kicker">{list.kind === "tag" ? "Topic" : list.kind === "author" ? (list.author?.role ?? "Author") : "Outlet"}</p>
        )}
        <h1>
          <bdi>{list.heading}</bdi>
          {list.pageNumber > 1 ? <span class="page-number">, page {list.pageNumber}</span> : null}
        </h1>
        {list.description === undefined ? null : <p class="page-description">{list.description}</p>}
      </header>
      {list.lead === undefined ? null : <FrontStories lead={list.lead} featured={list.featured ?? []} showSection={false} />}
      {list.kind === "corrections" && list.corrections.length > 0 ? (
        <ol class="corrections-column">
          {list.corrections.map((c) => (
            <li lang={c.article.lang} dir={c.article.dir}>
              <p class="correction-date">
                <time datetime={c.date.iso}>{c.date.dayTime}</time>
              </p>
              <p class="correction-text">{c.text}</p>
              <p class="correction-article">
                <a href={c.article.url} dir="auto">
                  <Headline text={c.article.title} />
                </a>
              </p>
            </li>
          ))}
        </ol>
      ) : list.articles.length === 0 && list.lead !== undefined ? null : list.articles.length === 0 ? (
        <p class="empty">{list.kind === "corrections" ? "No article has needed a correction." : "No articles here yet."}</p>
      ) : (
        <ul class={list.lead === undefined ? "card-list section-list" : "card-list section-list front-rest"}>
          {list.articles.map((article) => (
            <li>
              <ArticleCard article={article} level={list.lead === undefined ? 2 : 3} showSection={list.kind !== "section"} picture="thumb" />
            </li>
          ))}
        </ul>
      )}
      {list.totalPages > 1 ? (
        <nav class="pagination" aria-label="Pages">
          {list.prev === undefined ? null : (
            <a href={list.prev} rel="prev">
              Newer
            </a>
          )}
          <span>
            Page {list.pageNumber} of {list.totalPages}
          </span>
          {list.next === undefined ? null : (
            <a href={list.next} rel="next">
              Older
            </a>
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
