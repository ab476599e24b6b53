import type { RenderModel } from "../site/view.ts";

/** Pages written so far and all there are to write, as the writer goes. */
export type PagesProgress = (done: number, total: number) => void;

/** What renders pages into the folder being built (Eleventy, src/eleventy/pages.ts). */
export interface Renderer {
  /** Render the model's pages into `dir`, reporting progress to the callback given. */
  render(dir: string, model: RenderModel, progress?: PagesProgress): Promise<{ written: number }>;
  /** Render the model's paginated pages alone (articles, lists, files): nothing written on every run. */
  renderPages(dir: string, model: RenderModel): Promise<{ written: number }>;
  /**
   * Every file it writes on every run besides the model's paginated pages
   * (the front pages, `public/`): never carried over, as it would write into the link.
   */
  readonly beside: ReadonlySet<string>;
}
