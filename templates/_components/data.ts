import type { ArticleView, ListPage, SiteModel } from "../../src/site/view.ts";

/**
 * What Eleventy hands each page template: our model under `model`, plus the
 * pagination alias. Declared here so templates are type-checked against the
 * view models, not against Eleventy's untyped data cascade.
 */
export interface PageData {
  readonly model: SiteModel;
  readonly page: { readonly url: string };
}

export interface ArticlePageData extends PageData {
  readonly article: ArticleView;
}

export interface ListPageData extends PageData {
  readonly list: ListPage;
}
