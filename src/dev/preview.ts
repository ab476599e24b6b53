import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { LoadedSite } from "../site/load-site.ts";
import type { SiteModel } from "../site/view.ts";
import { renderOverlay } from "./overlay.ts";

export interface Preview {
  /** The model to render: the last good one while the content has errors. */
  readonly model: SiteModel;
  /** HTML put over every page (src/dev/overlay.ts), or undefined when the content is fine. */
  readonly overlay: string | undefined;
}

/**
 * What the preview shows after each load. While an edit has broken the
 * content, every page keeps its last good version (a half-saved article must
 * not blank its page or drop out of the lists) under the error overlay. Until
 * the site has built once without errors there is no good version: it shows
 * what could be read, without the broken articles.
 */
export function lastGoodPreview(): (site: LoadedSite) => Preview {
  let lastGood: SiteModel | undefined;
  return (site) => {
    if (!hasErrors(site.diagnostics)) {
      lastGood = site.model;
      return { model: site.model, overlay: undefined };
    }
    return { model: lastGood ?? site.model, overlay: renderOverlay(site.diagnostics, site.sources) };
  };
}
