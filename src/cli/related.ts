import type { RelateConfig } from "../relate/config.ts";
import { type Picks, RelatedIndex, type RelateInput, type Signals } from "../relate/engine.ts";

/**
 * `npm run related -- <slug>`: the engine's picks for one article, each
 * with its score and the signals that earned it, so an editor can see why.
 */
export function explainRelated(inputs: readonly RelateInput[], config: RelateConfig, slug: string): string | undefined {
  const me = inputs.find((i) => i.slug === slug);
  if (!me) return undefined;
  const index = new RelatedIndex(inputs, config);
  const picks = index.relateAll().get(slug) as Picks;
  const lines = [`Related to ${slug} (${me.section}, ${new Date(me.epoch).toISOString().slice(0, 10)}): "${me.title}"`];
  if (me.exclude.length > 0) lines.push(`  excluded (editor's Check Also): ${me.exclude.join(", ")}`);
  const describe = (label: string, pick: { slug: string; score: number }): void => {
    const signals = index.explain(slug, pick.slug) as Signals;
    const list = (items: Signals["tags"], n: number) =>
      items
        .slice(0, n)
        .map((c) => `${c.feature.replace(/^n:/, "")} ${c.score.toFixed(3)}`)
        .join(", ") || "none";
    lines.push(
      `${label} ${pick.slug}  score ${pick.score.toFixed(3)}`,
      `     tags:  ${list(signals.tags, 5)}`,
      `     words: ${list(signals.terms, 8)}`,
      `     ${signals.daysApart.toFixed(1)} days apart${signals.sameSection ? ", same section" : ""}${signals.sameOutlet ? ", same outlet" : ""}; content ${signals.content.toFixed(3)}`,
    );
  };
  if (picks.checkAlso) describe("  Check Also:", picks.checkAlso);
  picks.sidebar.forEach((pick, i) => describe(`  ${i + 1}.`, pick));
  if (picks.sidebar.length === 0 && !picks.checkAlso) lines.push("  nothing related found");
  return `${lines.join("\n")}\n`;
}
