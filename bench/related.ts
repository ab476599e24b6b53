/**
 * `npm run bench` (related part): quality on both evaluation sets (the
 * tuning set and the blind one) against two baselines in the same run, then time and peak memory of the engine on
 * synthetic archives of 1,000, 10,000 and 100,000 articles, each size in its
 * own process, with the growth ratio between sizes. Also the all-pairs
 * TF-IDF baseline at small sizes, to show what an inverted index saves.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { tfidfCosine } from "../src/relate/baselines.ts";
import { evaluate } from "../tests/support/relate-eval.ts";
import { syntheticArchive } from "./synthetic.ts";

const here = import.meta.dirname;
const pct = (x: number): string => x.toFixed(3);
const signed = (x: number): string => `${x >= 0 ? "+" : ""}${x.toFixed(3)}`;

// Both sets: the engine is tuned on eval only; blind, written by someone else, checks that it holds on stories it has never seen.
for (const [set, about] of [
  ["eval", "tuning set"],
  ["blind", "blind set, never tuned on"],
] as const) {
  const quality = await evaluate(undefined, set);
  console.log("%sRelated articles: quality on tests/relate/%s (%s, %d articles)", set === "eval" ? "" : "\n", set, about, quality.articles);
  console.log("  method                                     precision@5  recall@5");
  for (const [name, s] of [
    ["engine", quality.engine],
    ["baseline: tags then newest", quality.tagsThenNewest],
    ["baseline: TF-IDF cosine, title + full body", quality.tfidfCosine],
  ] as const) {
    console.log(`  ${name.padEnd(42)} ${pct(s.precision).padStart(11)}  ${pct(s.recall).padStart(8)}`);
  }
  console.log(
    `  engine - TF-IDF: precision ${signed(quality.engine.precision - quality.tfidfCosine.precision)}, recall ${signed(quality.engine.recall - quality.tfidfCosine.recall)}`,
  );
}

interface Run {
  size: number;
  indexSeconds: number;
  searchSeconds: number;
  seconds: number;
  cpuSeconds: number;
  inputMB: number;
  peakMB: number;
  precision: number;
}
const sizes = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
console.log("\nRelated articles: scale (synthetic archive, one core, each size in its own process)");
console.log("  articles   index s  search s  total s    CPU s  peak MB (input MB)  synthetic precision");
const runs: Run[] = [];
for (const size of sizes) {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(here, "related-scale.ts"), String(size)], { encoding: "utf8" });
  const run = JSON.parse(out) as Run;
  runs.push(run);
  console.log(
    `  ${String(size).padStart(8)} ${run.indexSeconds.toFixed(2).padStart(9)} ${run.searchSeconds.toFixed(2).padStart(9)} ${run.seconds.toFixed(2).padStart(8)} ${run.cpuSeconds.toFixed(2).padStart(8)} ${String(run.peakMB).padStart(8)} (${run.inputMB})${pct(run.precision).padStart(16)}`,
  );
}
for (let i = 1; i < runs.length; i++) {
  const a = runs[i - 1] as Run;
  const b = runs[i] as Run;
  console.log(`  ${b.size / a.size}× the articles: ${(b.seconds / a.seconds).toFixed(1)}× the time, ${(b.peakMB / a.peakMB).toFixed(1)}× the peak memory`);
}

// The all-pairs baseline grows with the square of the archive.
console.log("\nBaseline in the same run: all-pairs TF-IDF cosine");
for (const size of [250, 500]) {
  const archive = syntheticArchive(size);
  const t0 = performance.now();
  tfidfCosine(archive, 5);
  const seconds = (performance.now() - t0) / 1000;
  const engine = runs.find((r) => r.size === 1000);
  console.log(`  ${size} articles: ${seconds.toFixed(2)} s${engine ? ` (engine at 1,000: ${engine.seconds.toFixed(2)} s)` : ""}`);
}
