import type { LoadedArticle } from "../content/load-article.ts";
import { hasErrors } from "../diagnostics/diagnostic.ts";
import type { SiteConfig } from "../site/config.ts";
import { buildSiteModel } from "../site/model.ts";
import type { ArticleView, SiteModel } from "../site/view.ts";

/**
 * The page of an article just saved, ahead of relating the whole site
 * again (seconds at 10,000 articles): the same model code as a build, run
 * on the article and the articles its Check Also names, so everything the
 * editor wrote (text, headline, pictures, byline, Check Also) is exact.
 * Only what needs every other article is taken from the page shown before
 * the save: the related sidebar and the engine's Check Also pick. The full
 * update that follows renders the page again if either changed.
 *
 * Undefined when the page cannot be made this way: the article was not
 * published before or is not now, or the model finds a problem (a Check
 * Also entry it leaves out, a missing picture): the full update decides then.
 */
export function provisionalArticle(
  edited: LoadedArticle,
  bySlug: (slug: string) => LoadedArticle | undefined,
  config: SiteConfig,
  now: number,
  shown: SiteModel,
): ArticleView | undefined {
  const before = shown.articles.find((a) => a.slug === edited.slug);
  if (before === undefined) return undefined;
  const picks = (edited.frontMatter.check_also ?? []).filter((c): c is string => typeof c === "string");
  const targets = picks.flatMap((slug) => bySlug(slug.normalize("NFC")) ?? []).filter((a) => a.slug !== edited.slug);
  const { model, diagnostics } = buildSiteModel([edited, ...targets], config, now);
  // A Check Also entry the box leaves out may leave the box to the engine's pick, which needs every article.
  if (hasErrors(diagnostics) || diagnostics.some((d) => d.rule.startsWith("check-also-"))) return undefined;
  const view = model.articles.find((a) => a.slug === edited.slug);
  if (view === undefined) return undefined;
  const editorPicks = (edited.frontMatter.check_also ?? []).length > 0;
  return { ...view, related: before.related, checkAlso: editorPicks ? view.checkAlso : before.checkAlso };
}
