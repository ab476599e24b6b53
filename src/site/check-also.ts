import { formatDayTime } from "../content/dates.ts";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import type { Picks } from "../relate/engine.ts";
import type { Placed } from "./placing.ts";
import type { ArticleCard, CheckAlsoItem } from "./view.ts";

/**
 * The editors' Check Also boxes, by slug: each entry resolved, or reported
 * where it is written (a slug that names no article, the article itself, a
 * story not yet published). `unreadable`: slugs of files whose own errors
 * are reported already.
 */
export function resolveCheckAlso(
  placed: readonly Placed[],
  unreadable: ReadonlySet<string>,
  card: (slug: string) => ArticleCard,
): { boxes: Map<string, CheckAlsoItem[]>; diagnostics: Diagnostic[] } {
  const bySlug = new Map(placed.map((p) => [p.article.slug, p]));
  const boxes = new Map<string, CheckAlsoItem[]>();
  const diagnostics: Diagnostic[] = [];
  for (const p of placed) {
    const items: CheckAlsoItem[] = [];
    const { article } = p;
    (article.frontMatter.check_also ?? []).forEach((entry, index) => {
      if (typeof entry !== "string") {
        items.push({ kind: "external", title: entry.title, url: entry.url, host: new URL(entry.url).hostname.replace(/^www\./, "") });
        return;
      }
      // Found only when a problem needs it: the positions cost a second read of the YAML (cached parses keep none).
      const at = () => article.locate(["check_also", index]);
      const file = article.file.display;
      const target = bySlug.get(entry.normalize("NFC"));
      if (!target) {
        if (unreadable.has(entry.normalize("NFC"))) return;
        diagnostics.push(diagnose("check-also-unresolved", file, at(), { slug: entry, suggestion: didYouMean(entry, bySlug.keys()) }));
      } else if (target === p) {
        diagnostics.push(diagnose("check-also-self", file, at(), { slug: entry }));
      } else if (target.expired) {
        const expires = target.article.frontMatter.expires;
        if (p.published && expires !== undefined) diagnostics.push(diagnose("check-also-expired", file, at(), { slug: entry, when: formatDayTime(expires) }));
      } else if (!target.published) {
        // A draft may point at another draft: both go live together.
        if (p.published) {
          const scheduled = target.article.frontMatter.draft !== true;
          const state = scheduled ? `scheduled for ${formatDayTime(target.article.frontMatter.date)}` : "a draft";
          diagnostics.push(diagnose("check-also-unpublished", file, at(), { slug: entry, state, scheduled }));
        }
      } else {
        items.push({ kind: "article", article: card(target.article.slug) });
      }
    });
    boxes.set(article.slug, items);
  }
  return { boxes, diagnostics };
}

/** The editor's Check Also links; when there are none, the engine's best pick outside the sidebar. */
export function checkAlsoItems(editor: readonly CheckAlsoItem[], picks: Picks | undefined, card: (slug: string) => ArticleCard): readonly CheckAlsoItem[] {
  if (editor.length > 0 || picks?.checkAlso === undefined) return editor;
  return [{ kind: "article", article: card(picks.checkAlso.slug) }];
}
