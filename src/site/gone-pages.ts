import type { SiteConfig } from "../content/site-config.ts";
import type { Placed } from "./placing.ts";
import { sharedImage } from "./structured-data.ts";
import type { GoneView } from "./view.ts";

/** The notices left at the addresses of articles taken down (site/expiry.ts): drafts never had a page, so they leave none. */
export function goneViews(placed: readonly Placed[], config: SiteConfig): GoneView[] {
  return placed
    .filter((p) => p.expired && p.article.frontMatter.draft !== true && p.article.frontMatter.expires_leave !== "nothing")
    .map((p) => goneView(config, p.url));
}

/**
 * The notice says nothing of the article (not its headline, not its
 * address in a canonical link): what was taken down must not be read from
 * it. `noindex` takes it out of search engines; it has no search body, so
 * the site's own search leaves it out too.
 */
function goneView(config: SiteConfig, url: string): GoneView {
  return {
    url,
    meta: {
      title: "This article is no longer available",
      description: undefined,
      canonical: undefined,
      robots: "noindex",
      ogType: "website",
      ...sharedImage(config, undefined),
      jsonLd: [],
      lang: config.language,
      dir: "ltr",
      prev: undefined,
      next: undefined,
      feeds: [],
    },
  };
}
