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
    // Tags count as mentions of their words and names; apart, they weigh only across languages.
    const names = signals.terms.filter((c) => c.feature.startsWith("n:"));
    const words = signals.terms.filter((c) => !c.feature.startsWith("n:"));
    lines.push(`${label} ${pick.slug}  score ${pick.score.toFixed(3)}`);
    if (signals.tags.length > 0) lines.push(`     tags:  ${list(signals.tags, 5)}`);
    lines.push(
      `     names: ${list(names, 5)}`,
      `     words: ${list(words, 8)}`,
      `     ${signals.daysApart.toFixed(1)} days apart${signals.sameSection ? ", same section" : ""}${signals.sameOutlet ? ", same outlet" : ""}${signals.sameLanguage ? "" : ", another language"}; content ${signals.content.toFixed(3)}`,
    );
    if (signals.via) lines.push(`     through ${signals.via.slug}: its nearest neighbour, content ${signals.via.content.toFixed(3)} along the chain`);
  };
  if (picks.checkAlso) describe("  Check Also:", picks.checkAlso);
  picks.sidebar.forEach((pick, i) => describe(`  ${i + 1}.`, pick));
  if (picks.sidebar.length === 0 && !picks.checkAlso) lines.push("  nothing related found");
  return `${lines.join("\n")}\n`;
}
