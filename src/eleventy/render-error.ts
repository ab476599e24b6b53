/** Where a page failed to render: which template, at which URL, from which article file (if it shows one). */
export interface RenderPlace {
  /** The template, as the designer knows it: `templates/article.11ty.tsx`. */
  readonly template: string;
  readonly url: string;
  /** The article file the page shows (its `ArticleView.source`); undefined for other pages. */
  readonly source: string | undefined;
}

/**
 * A template (or the renderer under it) threw while making one page: a bug
 * in the templates or in our code, never in the content, which is checked
 * before anything is rendered. Named by template, URL and article file, with
 * what was thrown as its `cause`.
 */
export class RenderError extends Error {
  override readonly name = "RenderError";
  readonly place: RenderPlace;

  constructor(place: RenderPlace, cause: unknown) {
    const from = place.source === undefined ? "" : ` (from ${place.source})`;
    super(`${place.template} failed to render ${place.url}${from}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.place = place;
  }
}
