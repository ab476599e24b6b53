/**
 * One size of the related benchmark, in its own process so peak memory is
 * its own: `tsx bench/related-scale.ts 10000` prints one JSON line.
 */
import { DEFAULT_RELATE_CONFIG } from "../src/relate/config.ts";
import { RelatedIndex } from "../src/relate/engine.ts";
import { syntheticArchive } from "./synthetic.ts";

const size = Number(process.argv[2] ?? 1000);
const archive = syntheticArchive(size);
const baseRss = process.resourceUsage().maxRSS;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const index = new RelatedIndex(archive, DEFAULT_RELATE_CONFIG);
const t1 = performance.now();
const picks = index.relateAll();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);

// Quality on the synthetic stories too: the share of sidebar picks from the article's own story.
const storyOf = new Map(archive.map((a) => [a.slug, a.story]));
let shown = 0;
let correct = 0;
for (const a of archive) {
  const p = picks.get(a.slug);
  for (const pick of [...(p?.checkAlso ? [p.checkAlso] : []), ...(p?.sidebar ?? [])]) {
    shown++;
    if (storyOf.get(pick.slug) === a.story) correct++;
  }
}
process.stdout.write(
  `${JSON.stringify({
    size,
    indexSeconds: (t1 - t0) / 1000,
    searchSeconds: (t2 - t1) / 1000,
    seconds: (t2 - t0) / 1000,
    // CPU seconds of this one-threaded work: what wall time is on a quiet core.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    inputMB: Math.round(baseRss / 1024),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    precision: shown === 0 ? 0 : correct / shown,
  })}\n`,
);
