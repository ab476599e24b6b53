import type { ArticleView, ListPage, RenderModel } from "../../src/site/view.ts";

/**
 * What Eleventy hands each page template: our model under `model`, plus the
 * pagination alias. Declared here so templates are type-checked against the
 * view models, not against Eleventy's untyped data cascade.
 */
export interface PageData {
  readonly model: RenderModel;
  readonly page: { readonly url: string };
}

/**
 * Article and list pages see the site's chrome and their own view model, no
 * more: the page plan (src/build/page-plan.ts) hashes exactly that to decide
 * which pages to render again, so a template reading more would go stale.
 */
interface PlannedPageData extends Omit<PageData, "model"> {
  readonly model: Pick<RenderModel, "site">;
}

export interface ArticlePageData extends PlannedPageData {
  readonly article: ArticleView;
}

export interface ListPageData extends PlannedPageData {
  readonly list: ListPage;
}
