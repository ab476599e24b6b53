import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.ts";
import type { BuiltSite } from "../site/build-site.ts";
import { renderOverlay } from "./overlay.ts";

/** One update of the preview: the site as modelled, and every problem found. */
export interface ModelledPreview {
  readonly built: BuiltSite;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

export interface Preview {
  /** The site to render: the last good one while the content has errors. */
  readonly built: BuiltSite;
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
export function lastGoodPreview(): (site: ModelledPreview) => Preview {
  let lastGood: BuiltSite | undefined;
  return (site) => {
    if (!hasErrors(site.diagnostics)) {
      lastGood = site.built;
      return { built: site.built, overlay: undefined };
    }
    return { built: lastGood ?? site.built, overlay: renderOverlay(site.diagnostics, site.sources) };
  };
}
