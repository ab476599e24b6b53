import { authorUrl, outletUrl, tagUrl } from "../src/site/lists.ts";
import type { ArticleView, AuthorView, CheckAlsoItem } from "../src/site/view.ts";
import { ArticleCard } from "./_components/ArticleCard.tsx";
import { Breadcrumb } from "./_components/Breadcrumb.tsx";
import type { ArticlePageData } from "./_components/data.ts";
import { Headline } from "./_components/Headline.tsx";
import { chrome, Layout } from "./_components/Layout.tsx";
import { LiveCoverage, LiveLabel } from "./_components/LiveCoverage.tsx";

/** One page per published article, at `/<section>/<slug>/`. */
export const data = {
  pagination: { data: "model.articles", size: 1, alias: "article", addAllPagesToCollections: false },
  permalink: (d: ArticlePageData) => d.article.url,
  eleventyExcludeFromCollections: true,
};

/** "A", "A and B", "A, B and C", each linked to the author's page. */
function AuthorNames({ authors }: { authors: readonly AuthorView[] }) {
  return (
    <>
      {authors.map((a, i) => (
        <>
          {i === 0 ? null : i === authors.length - 1 ? " and " : ", "}
          <a href={authorUrl(a.name)} dir="auto">
            {a.name}
          </a>
        </>
      ))}
    </>
  );
}

function Byline({ article, attributes }: { article: ArticleView; attributes: ReturnType<typeof chrome> }) {
  return (
    <p class="byline" {...attributes}>
      {article.authors.length > 0 ? (
        <span class="byline-authors">
          By <AuthorNames authors={article.authors} />
        </span>
      ) : null}
      <time datetime={article.published.iso}>{article.published.dayTime}</time>
      {article.updated === undefined ? null : (
        <span class="byline-updated">
          Updated <time datetime={article.updated.iso}>{article.updated.dayTime}</time>
        </span>
      )}
    </p>
  );
}

function CheckAlso({ items }: { items: readonly CheckAlsoItem[] }) {
  if (items.length === 0) return null;
  return (
    <section class="check-also" aria-labelledby="check-also-title">
      <h2 id="check-also-title">Check Also</h2>
      <ul>
        {items.map((item) =>
          item.kind === "article" ? (
            <li>
              <ArticleCard article={item.article} showSection />
            </li>
          ) : (
            <li>
              <article class="card card-external">
                <h3 class="card-title">
                  <a href={item.url} rel="noopener" dir="auto">
                    {item.title}
                  </a>
                </h3>
                <p class="card-meta">
                  <span class="card-outlet" dir="auto">
                    {item.host}
                  </span>
                </p>
              </article>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

/** The dated record of what was corrected: readers' trust depends on it. */
function Corrections({ items }: { items: ArticleView["corrections"] }) {
  if (items.length === 0) return null;
  return (
    <section class="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{items.length === 1 ? "Correction" : "Corrections"}</h2>
      <ul>
        {items.map((c) => (
          <li>
            <time datetime={c.date.iso}>{c.date.dayTime}</time>: <bdi>{c.text}</bdi>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AuthorBox({ authors }: { authors: readonly AuthorView[] }) {
  if (authors.length === 0) return null;
  return (
    <section class="author-box" aria-labelledby="author-box-title">
      <h2 id="author-box-title">{authors.length === 1 ? "About the author" : "About the authors"}</h2>
      {authors.map((author) => (
        <div class="author">
          <p class="author-name">
            <a href={authorUrl(author.name)} dir="auto">
              {author.name}
            </a>
            {author.role === undefined ? null : (
              <span class="author-role" dir="auto">
                {author.role}
              </span>
            )}
          </p>
          {author.bio === undefined ? null : <p class="author-bio">{author.bio}</p>}
        </div>
      ))}
    </section>
  );
}

export function render({ model, article }: ArticlePageData) {
  const site = chrome(model.site, article.meta);
  return (
    <Layout site={model.site} meta={article.meta} currentSection={article.section.slug}>
      <Breadcrumb crumbs={article.breadcrumb} attributes={site} current={site.lang === undefined ? undefined : { lang: article.lang, dir: article.dir }} />
      <div class="article-layout">
        <article class="article" data-pagefind-body data-pagefind-meta={`date:${article.published.day}`}>
          {/* The search's results show the title as written (data-title): the words it indexes are respelt (public/search/normalize.js). */}
          <header class="article-header" data-pagefind-meta="title[data-title]" data-title={article.title}>
            <p class="kicker" {...site}>
              {article.coverage?.running === true ? <LiveLabel /> : null}
              <a href={article.section.url} data-pagefind-filter="section" dir="auto">
                {article.section.title}
              </a>
            </p>
            <h1>
              <Headline text={article.title} />
            </h1>
            {article.standfirst === undefined ? null : <p class="standfirst">{article.standfirst}</p>}
            <p class="outlet" {...site}>
              <a href={outletUrl(article.outlet)} data-pagefind-filter="outlet" dir="auto">
                {article.outlet}
              </a>
            </p>
            <Byline article={article} attributes={site} />
            <LiveCoverage coverage={article.coverage} attributes={site} />
          </header>
          {article.image === undefined ? null : (
            <figure class="article-image">
              <picture dangerouslySetInnerHTML={{ __html: article.image.pictureHtml }} />
              {article.image.caption === undefined && article.image.credit === undefined ? null : (
                <figcaption>
                  {article.image.caption === undefined ? null : <bdi>{article.image.caption}</bdi>}
                  {article.image.credit === undefined ? null : (
                    <>
                      {" "}
                      <span class="credit" dir="auto">
                        {article.image.credit}
                      </span>
                    </>
                  )}
                </figcaption>
              )}
            </figure>
          )}
          <div class="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml.read() }} />
          <Corrections items={article.corrections} />
          {article.tags.length === 0 ? null : (
            <div class="topics" data-pagefind-ignore {...site}>
              <h2 class="topics-title">Topics</h2>
              <ul class="tags">
                {article.tags.map((tag) => (
                  <li>
                    <a href={tagUrl(tag)} dir="auto">
                      {tag}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div data-pagefind-ignore {...site}>
            <CheckAlso items={article.checkAlso} />
            <AuthorBox authors={article.authors} />
          </div>
        </article>
        {article.related.length === 0 ? null : (
          <aside class="related" aria-labelledby="related-title" {...site}>
            <h2 id="related-title">Related articles</h2>
            <ol>
              {article.related.map((r) => (
                <li>
                  <ArticleCard article={r} showSummary={false} />
                </li>
              ))}
            </ol>
          </aside>
        )}
      </div>
    </Layout>
  );
}
