/**
 * `npm run bench` (build part): the whole news build on generated corpora
 * (bench/corpus.ts) of 1,000 and 10,000 articles (`--huge` adds 100,000;
 * BENCH_BUILD_SIZES=… chooses), against baselines in the same run: plain
 * Eleventy 3 (bench/baselines/eleventy) and Hugo (bench/baselines/hugo,
 * when Debian's `hugo` is installed). Each round runs, one after the other:
 * our cold build (no cache, no previous output), our warm build after one
 * article is edited, Eleventy, Hugo. Medians over BENCH_RUNS rounds (3) of
 * wall and CPU seconds (start-up included) and peak memory, with the ratios
 * the issue sets as goals. `--smoke`: 200 articles, one round, for CI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORPUS_NOW, writeCorpus } from "./corpus.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const args = new Set(process.argv.slice(2));
const smoke = args.has("--smoke");
const sizes = smoke
  ? [200]
  : (process.env.BENCH_BUILD_SIZES ?? "1000,10000")
      .split(",")
      .map(Number)
      .concat(args.has("--huge") ? [100_000] : []);
const rounds = smoke ? 1 : Number(process.env.BENCH_RUNS ?? 3);
const TIME = "/usr/bin/time";

export interface Measure {
  readonly wall: number;
  readonly cpu: number;
  /** Peak resident memory, MB (0 when /usr/bin/time is missing). */
  readonly peakMB: number;
  /** Seconds spent on the search index and pictures (reported apart). */
  readonly finish: number;
  /** Without the search indexer's child process: wall less `finish`, our process's own CPU and peak memory. */
  readonly exSearch: { readonly wall: number; readonly cpu: number; readonly peakMB: number };
  /** Our builds' phases in seconds (NEWSROOM_TIMINGS): start (start-up), load (parse, relate, model), pages, finish (search, pictures), publish. */
  readonly phases: Readonly<Record<string, number>>;
}

/** Run a command, measured by /usr/bin/time (wall, user + system CPU, peak RSS), and fail loudly if it fails. */
function measure(command: string, argv: readonly string[], env: NodeJS.ProcessEnv = {}): Measure & { stderr: string } {
  const report = path.join(tmpdir(), `newsroom-bench-time-${process.pid}`);
  const timed = existsSync(TIME);
  const started = performance.now();
  const result = spawnSync(timed ? TIME : command, timed ? ["-o", report, "-f", "%e %U %S %M", command, ...argv] : argv, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallClock = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const line = /^timings: (.*)$/m.exec(result.stderr)?.[1];
  const own = line === undefined ? undefined : (JSON.parse(line) as { seconds: Record<string, number>; cpu: number; peakMB: number });
  const finish = own?.seconds.finish ?? 0;
  const [wall, user, sys, kb] = timed
    ? (readFileSync(report, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number, number, number])
    : [wallClock, 0, 0, 0];
  rmSync(report, { force: true });
  const whole = { wall, cpu: user + sys, peakMB: Math.round(kb / 1024) };
  const exSearch = own === undefined ? whole : { wall: wall - finish, cpu: own.cpu, peakMB: own.peakMB };
  return { ...whole, finish, exSearch, phases: own?.seconds ?? {}, stderr: result.stderr };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

function hugoAvailable(): boolean {
  try {
    execFileSync("hugo", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Change one article's body a little, a different one each round, as an editor's save does. */
function editOne(contentDir: string, round: number): void {
  const files = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(contentDir, f));
  const file = files[(round * 7919) % files.length] as string;
  writeFileSync(file, `${readFileSync(file, "utf8")}\nAn update filed in round ${round}.\n`);
}

type Kind = "cold" | "warm" | "eleventy" | "hugo";

export function benchSize(size: number, runs: number, withHugo: boolean): Record<Kind, Measure[]> {
  const work = mkdtempSync(path.join(tmpdir(), `newsroom-bench-${size}-`));
  try {
    const { contentDir, siteFile } = writeCorpus(work, size);
    const out = path.join(work, "out");
    const cache = path.join(work, "cache");
    const ours = (extra: NodeJS.ProcessEnv) =>
      measure(
        process.execPath,
        ["--max-old-space-size=12288", "src/cli/launch.mjs", "build", "--content", contentDir, "--site", siteFile, "--out", out, "--now", CORPUS_NOW],
        {
          NEWSROOM_TIMINGS: "1",
          NEWSROOM_CACHE: cache,
          ...extra,
        },
      );
    const hugoSource = path.join(work, "hugo");
    cpSync(path.join(ROOT, "bench/baselines/hugo"), hugoSource, { recursive: true });
    const runs_: Record<Kind, Measure[]> = { cold: [], warm: [], eleventy: [], hugo: [] };
    for (let round = 0; round < runs; round++) {
      rmSync(out, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
      runs_.cold.push(ours({}));
      editOne(contentDir, round);
      runs_.warm.push(ours({}));
      const eleventyOut = path.join(work, "eleventy-out");
      rmSync(eleventyOut, { recursive: true, force: true });
      runs_.eleventy.push(
        measure(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", "--config=bench/baselines/eleventy/eleventy.config.mjs", "--quiet"], {
          BENCH_CONTENT: contentDir,
          BENCH_OUT: eleventyOut,
        }),
      );
      if (withHugo) {
        const hugoOut = path.join(work, "hugo-out");
        rmSync(hugoOut, { recursive: true, force: true });
        mkdirSync(hugoOut);
        runs_.hugo.push(measure("hugo", ["--source", hugoSource, "--contentDir", contentDir, "--destination", hugoOut, "--quiet"]));
      }
    }
    return runs_;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Row {
  readonly size: number;
  readonly m: Record<Kind, Measure | undefined>;
}

function summarize(measures: Measure[]): Measure | undefined {
  if (measures.length === 0) return undefined;
  const mid = (f: (m: Measure) => number) => median(measures.map(f));
  const peak = (f: (m: Measure) => number) => Math.max(...measures.map(f));
  return {
    wall: mid((m) => m.wall),
    cpu: mid((m) => m.cpu),
    peakMB: peak((m) => m.peakMB),
    finish: mid((m) => m.finish),
    exSearch: { wall: mid((m) => m.exSearch.wall), cpu: mid((m) => m.exSearch.cpu), peakMB: peak((m) => m.exSearch.peakMB) },
    phases: Object.fromEntries(Object.keys(measures[0]?.phases ?? {}).map((k) => [k, mid((m) => m.phases[k] ?? 0)])),
  };
}

const withHugo = hugoAvailable();
const s = (x: number): string => x.toFixed(2).padStart(7);
console.log(
  `\nBuild: our news build against plain Eleventy 3${withHugo ? " and Hugo" : " (Hugo not installed: apt-get install hugo)"}, median of ${rounds} alternating round(s)`,
);
console.log('  wall and CPU seconds include start-up; "ex search": without the search index and pictures (their time apart)');
console.log("  articles  build                 wall s   CPU s  peak MB | ex search: wall s   CPU s  peak MB | search s");
const rows: Row[] = [];
for (const size of sizes) {
  const measured = benchSize(size, rounds, withHugo);
  const row: Row = {
    size,
    m: { cold: summarize(measured.cold), warm: summarize(measured.warm), eleventy: summarize(measured.eleventy), hugo: summarize(measured.hugo) },
  };
  rows.push(row);
  for (const kind of ["cold", "warm", "eleventy", "hugo"] as const) {
    const m = row.m[kind];
    if (m === undefined) continue;
    const name = { cold: "ours, cold", warm: "ours, warm (1 edit)", eleventy: "plain Eleventy", hugo: "Hugo" }[kind];
    const x = m.exSearch;
    console.log(
      `  ${String(size).padStart(8)}  ${name.padEnd(20)} ${s(m.wall)} ${s(m.cpu)} ${String(m.peakMB).padStart(8)} |          ${s(x.wall)} ${s(x.cpu)} ${String(x.peakMB).padStart(8)} | ${kind === "cold" || kind === "warm" ? s(m.finish) : "      -"}`,
    );
  }
  for (const kind of ["cold", "warm"] as const) {
    const phases = Object.entries(row.m[kind]?.phases ?? {}).map(([k, v]) => `${k} ${v.toFixed(2)}`);
    if (phases.length > 0) console.log(`            ${kind} phases, s: ${phases.join(", ")}`);
  }
  const { cold, warm, eleventy, hugo } = row.m;
  if (cold && warm && eleventy) {
    console.log(
      `            ratios: cold/Eleventy ${(cold.wall / eleventy.wall).toFixed(2)} (ex search ${(cold.exSearch.wall / eleventy.wall).toFixed(2)}; goal ≤ 0.5)` +
        (hugo ? `, warm/Hugo ${(warm.wall / hugo.wall).toFixed(2)} (ex search ${(warm.exSearch.wall / hugo.wall).toFixed(2)}; goal ≤ 0.5)` : ""),
    );
  }
}
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1] as Row;
  const b = rows[i] as Row;
  const perArticle = (r: Row) => (r.m.cold?.exSearch.wall ?? 0) / r.size;
  console.log(`  per-article cold time (ex search), ${b.size} vs ${a.size}: ×${(perArticle(b) / perArticle(a)).toFixed(2)} (1.00 is linear)`);
}
