import type { SiteConfig } from "../content/site-config.ts";
import type { LoadedArticle } from "../load/load-article.ts";
import { type BuiltSite, buildSite } from "../site/build-site.ts";
import { type ArticlePage, PageKeys } from "../site/pages.ts";

/** The page of the article with this slug in `built`, if it is published there. */
export function articlePage(built: BuiltSite, slug: string): ArticlePage | undefined {
  const url = built.site.articles.find((a) => a.slug === slug)?.url;
  return built.pages.find((p): p is ArticlePage => p.template === "article" && p.url === url);
}

/**
 * The page (and its key) of an article just saved, ahead of relating the whole site
 * again (seconds at 10,000 articles): the same model as a build, built from
 * the article and the articles its Check Also names, so everything the
 * editor wrote (text, headline, pictures, byline, Check Also) is exact.
 * Only what needs every other article is taken from the page shown before
 * the save: the related sidebar and the engine's Check Also pick. The full
 * update that follows renders the page again if either changed.
 *
 * Undefined when the page cannot be made this way: the article was not
 * published before or is not now, or the model finds any problem with it on
 * so few articles: the full update decides then.
 */
export function provisionalArticle(
  edited: LoadedArticle,
  bySlug: (slug: string) => LoadedArticle | undefined,
  config: SiteConfig,
  now: number,
  shown: BuiltSite,
): ArticlePage | undefined {
  const before = articlePage(shown, edited.slug)?.view();
  if (before === undefined) return undefined;
  const picks = (edited.frontMatter.check_also ?? []).filter((c): c is string => typeof c === "string");
  const targets = picks.flatMap((slug) => bySlug(slug.normalize("NFC")) ?? []).filter((a) => a.slug !== edited.slug);
  const built = buildSite({ articles: [edited, ...targets], config, now });
  if (built.diagnostics.some((d) => d.file === edited.file.display)) return undefined;
  const page = articlePage(built, edited.slug);
  if (page === undefined) return undefined;
  const own = page.view();
  const editorPicks = (edited.frontMatter.check_also ?? []).length > 0;
  const view = { ...own, related: before.related, checkAlso: editorPicks ? own.checkAlso : before.checkAlso };
  // Keyed as the full update will key it if the sidebar and the engine's pick stay: then it is not rendered again.
  const key = new PageKeys(config, shown.site.chrome).article(page.url, edited.key, [...edited.pictures], view);
  return { ...page, key, view: () => view };
}
