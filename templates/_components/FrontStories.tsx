import type { ArticleCard as Card } from "../../src/site/view.ts";
import { ArticleCard } from "./ArticleCard.tsx";

export interface FrontStoriesProps {
  readonly lead: Card;
  readonly featured: readonly Card[];
  /** The front page names each story's section; a section front need not. */
  readonly showSection: boolean;
}

/**
 * The top of a front (src/site/fronts.ts): the lead story with its picture
 * large, its standfirst and byline, and the featured row under it, each
 * with its picture. One column on a phone; on a wide screen the lead's
 * picture sits beside its text and the featured stories share a row.
 */
export function FrontStories({ lead, featured, showSection }: FrontStoriesProps) {
  return (
    <>
      <section class="lead" aria-label="Lead story">
        <ArticleCard article={lead} level={2} showSection={showSection} picture="lead" showByline />
      </section>
      {featured.length === 0 ? null : (
        <section class="featured" aria-label="Featured stories">
          <ul class="featured-list">
            {featured.map((article) => (
              <li>
                <ArticleCard article={article} showSection={showSection} picture="featured" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
