import path from "node:path";
import { describe, expect, it } from "vitest";
import { modelSite } from "../../../src/build/build.ts";
import { DEFAULT_RELATE_CONFIG, type RelateConfig } from "../../../src/relate/config.ts";
import { RelatedIndex, type RelateInput } from "../../../src/relate/engine.ts";

/**
 * The related picks pinned, order and scores: the engine's shape may change,
 * its picks may not without a deliberate `vitest -u` (issue 20: "same picks,
 * byte for byte"). The snapshots were made by the engine before it was split.
 */
const root = path.resolve(import.meta.dirname, "..", "..", "..");
const here = import.meta.dirname;

function picksOf(inputs: readonly RelateInput[], config: RelateConfig): string {
  const index = new RelatedIndex(inputs, config);
  const lines: string[] = [];
  for (const [slug, picks] of index.relateAll()) {
    lines.push(slug);
    if (picks.checkAlso) lines.push(`  check also  ${picks.checkAlso.score.toFixed(6)}  ${picks.checkAlso.slug}`);
    for (const pick of picks.sidebar) lines.push(`  sidebar     ${pick.score.toFixed(6)}  ${pick.slug}`);
    const why = picks.sidebar[0] ?? picks.checkAlso;
    const signals = why === undefined ? undefined : index.explain(slug, why.slug);
    if (signals) {
      const top = [...signals.tags, ...signals.terms].slice(0, 4).map((c) => `${c.feature} ${c.score.toFixed(6)}`);
      lines.push(`  why ${why?.slug}: content ${signals.content.toFixed(6)}; ${top.join(", ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

async function modelled(contentDir: string, siteFile: string | undefined) {
  const site = await modelSite({ contentDir, siteFile, now: Date.UTC(2030, 0, 1) });
  if (site.kind !== "modelled") throw new Error(`${contentDir} has errors`);
  return site;
}

describe("related picks", () => {
  it("should pick the same articles, in the same order and with the same scores, on the sample site", async () => {
    const site = await modelled(path.join(root, "content"), path.join(root, "site.yaml"));
    await expect(picksOf(site.built.relateInputs, site.content.config.related)).toMatchFileSnapshot(path.join(here, "sample-site.picks.txt"));
  });

  it("should pick the same articles on the evaluation set, with the editor's Check Also and without", async () => {
    const site = await modelled(path.join(root, "tests", "relate", "eval", "content"), undefined);
    await expect(picksOf(site.built.relateInputs, DEFAULT_RELATE_CONFIG)).toMatchFileSnapshot(path.join(here, "eval-set.picks.txt"));
    const wider = { ...DEFAULT_RELATE_CONFIG, autoCheckAlso: false, count: 8, minScore: 0.05 };
    await expect(picksOf(site.built.relateInputs, wider)).toMatchFileSnapshot(path.join(here, "eval-set-wide.picks.txt"));
  });
});
