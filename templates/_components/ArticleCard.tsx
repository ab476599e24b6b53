import type { ArticleCard as Card } from "../../src/site/view.ts";
import { CardPicture, type PictureKind } from "./CardPicture.tsx";
import { Headline } from "./Headline.tsx";
import { LiveLabel } from "./LiveCoverage.tsx";

export interface CardProps {
  readonly article: Card;
  /** Heading level of the headline within the list's context. */
  readonly level?: 2 | 3;
  readonly showSection?: boolean;
  readonly showSummary?: boolean;
  /** Show the article's main picture, if it has one, as a lead, a featured story or a list's thumbnail. */
  readonly picture?: PictureKind;
  /** The authors' names before the outlet (the lead story). */
  readonly showByline?: boolean;
}

/**
 * One article in a list: headline, summary, outlet, dateline and time. Each
 * piece of the editor's text is isolated (`dir="auto"`), so a right-to-left
 * name, or a U+202E in one, cannot reorder the date beside it.
 */
export function ArticleCard({ article, level = 3, showSection = false, showSummary = true, picture, showByline = false }: CardProps) {
  const Heading = level === 2 ? "h2" : "h3";
  const shown = picture === undefined ? undefined : article.picture;
  return (
    <article class={shown === undefined || picture === undefined ? "card" : `card card-with-${picture}`} lang={article.lang} dir={article.dir}>
      {shown === undefined || picture === undefined ? null : <CardPicture picture={shown} kind={picture} />}
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
        {showByline && article.byline !== undefined ? (
          <span class="card-byline" dir="auto">
            {article.byline}
          </span>
        ) : null}
        <span class="card-outlet" dir="auto">
          {article.outlet}
        </span>
        {article.dateline === undefined ? null : (
          <span class="card-dateline" dir="auto">
            {article.dateline}
          </span>
        )}
        <time datetime={article.published.iso} dir="auto">
          {article.published.day}
        </time>
      </p>
    </article>
  );
}
