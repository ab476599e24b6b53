import type { ArticleCard as Card } from "../../src/site/view.ts";
import { Headline } from "./Headline.tsx";
import { LiveLabel } from "./LiveCoverage.tsx";

export interface CardProps {
  readonly article: Card;
  /** Heading level of the headline within the list's context. */
  readonly level?: 2 | 3;
  readonly showSection?: boolean;
  readonly showSummary?: boolean;
}

/**
 * One article in a list: headline, summary, outlet, dateline and time. Each
 * piece of the editor's text is isolated (`dir="auto"`), so a right-to-left
 * name, or a U+202E in one, cannot reorder the date beside it.
 */
export function ArticleCard({ article, level = 3, showSection = false, showSummary = true }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="card" lang={article.lang} dir={article.dir}>
      {showSection ? (
        <p class="card-section">
          <a href={article.section.url} dir="auto">
            {article.section.title}
          </a>
        </p>
      ) : null}
      <Heading class="card-title">
        {article.live === true ? <LiveLabel /> : null}
        <a href={article.url} dir="auto">
          <Headline text={article.title} />
        </a>
      </Heading>
      {showSummary && article.summary !== "" ? <p class="card-summary">{article.summary}</p> : null}
      <p class="card-meta">
        <span class="card-outlet" dir="auto">
          {article.outlet}
        </span>
        {article.dateline === undefined ? null : (
          <span class="card-dateline" dir="auto">
            {article.dateline}
          </span>
        )}
        <time datetime={article.published.iso}>{article.published.day}</time>
      </p>
    </article>
  );
}
