import type { GoneView } from "../src/site/view.ts";
import type { PageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";

/** The notice left at the address of an article taken down (`expires`): src/site/expiry.ts. */
interface GonePageData extends Omit<PageData, "model"> {
  readonly model: Pick<PageData["model"], "site">;
  readonly gone: GoneView;
}

export const data = {
  pagination: { data: "model.gone", size: 1, alias: "gone", addAllPagesToCollections: false },
  permalink: (d: GonePageData) => d.gone.url,
  eleventyExcludeFromCollections: true,
};

export function render({ model, gone }: GonePageData) {
  return (
    <Layout site={model.site} meta={gone.meta}>
      <header class="page-header">
        <h1>This article is no longer available</h1>
      </header>
      <p>It has been taken down by the newsroom.</p>
      <p>
        Go to the <a href="/">front page</a> for the latest news, or <a href="/search/">search</a> the site.
      </p>
    </Layout>
  );
}
