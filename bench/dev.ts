/**
 * `npm run bench` (dev part): `npm run dev` on generated corpora
 * (bench/corpus.ts) of 1,000 and 10,000 articles (BENCH_DEV_SIZES=…
 * chooses), BENCH_RUNS saves each (3). For each save of one article's
 * headline, from the moment the file is written: the first live-reload
 * message on the dev server's WebSocket (what an open browser acts on), the
 * article's page served with the new headline (polled over HTTP), and the
 * full update (the dev command's "Previewing … articles" line: other
 * articles' sidebars, the lists and feeds). Medians, in seconds.
 * BENCH_DEV_ROOT=<checkout> runs another checkout's dev command on the same
 * corpus, to compare before and after in the same conditions.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, listenForReloads } from "../tests/support/dev-server.ts";
import { CORPUS_NOW, writeCorpus } from "./corpus.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const CLI_ROOT = path.resolve(process.env.BENCH_DEV_ROOT ?? ROOT);
const sizes = (process.env.BENCH_DEV_SIZES ?? "1000,10000").split(",").map(Number);
const rounds = Number(process.env.BENCH_RUNS ?? 3);
/** Starting at 10,000 articles parses every one of them: minutes on two cores. */
const START_TIMEOUT_MS = 30 * 60_000;
const SAVE_TIMEOUT_MS = 10 * 60_000;

/** Resolves when `test` holds, polled every few milliseconds. */
async function until(what: string, test: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Save {
  readonly reload: number;
  readonly served: number;
  readonly full: number;
}

async function benchSize(size: number): Promise<Save[]> {
  const work = mkdtempSync(path.join(tmpdir(), `newsroom-bench-dev-${size}-`));
  const port = await freePort();
  let server: ChildProcess | undefined;
  let stdout = "";
  try {
    const { contentDir, siteFile } = writeCorpus(work, size);
    server = spawn(
      process.execPath,
      [path.join(CLI_ROOT, "src/cli/launch.mjs"), "dev", "--content", contentDir, "--site", siteFile, "--port", String(port), "--now", CORPUS_NOW],
      { cwd: CLI_ROOT, env: { ...process.env, NEWSROOM_CACHE: path.join(work, "cache"), NO_COLOR: "1" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    await until("the preview to start", () => stdout.includes(`Preview on http://127.0.0.1:${port}/`), START_TIMEOUT_MS);
    const reloads = await listenForReloads(port);
    const files = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".md"))
      .sort();
    const saves: Save[] = [];
    for (let round = 0; round < rounds; round++) {
      const rel = files[(round * 7919) % files.length] as string;
      const [section, name] = rel.split(path.sep) as [string, string];
      const url = `http://127.0.0.1:${port}/${section}/${name.replace(/\.md$/, "")}/`;
      const file = path.join(contentDir, rel);
      const headline = `Edited headline, round ${round}`;
      const text = readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${headline}`);
      const updates = stdout.split("Previewing").length;
      const reloadsBefore = reloads.received.length;
      const written = performance.now();
      writeFileSync(file, text);
      const shows = async (): Promise<boolean> => (await (await fetch(url)).text()).includes(`<h1>${headline}</h1>`);
      // A server busy rendering may drop a request: ask again.
      await until("the edited page", () => shows().catch(() => false), SAVE_TIMEOUT_MS);
      const served = performance.now();
      await until("the full update", () => stdout.split("Previewing").length > updates, SAVE_TIMEOUT_MS);
      const full = performance.now();
      await until("a reload", () => reloads.received.length > reloadsBefore, SAVE_TIMEOUT_MS);
      saves.push({ reload: ((reloads.received[reloadsBefore]?.at as number) - written) / 1000, served: (served - written) / 1000, full: (full - written) / 1000 });
      // Let the previous save's update finish before the next save.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    reloads.close();
    return saves;
  } finally {
    server?.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(CLI_ROOT, ".cache", `preview-${port}`), { recursive: true, force: true });
  }
}

const s = (x: number): string => x.toFixed(2).padStart(8);
console.log(
  `\nDev: one article's headline saved while \`npm run dev\` runs${CLI_ROOT === ROOT ? "" : ` (${CLI_ROOT})`}, median of ${rounds} save(s), seconds from the write`,
);
console.log("  articles  reload sent  page served  full update");
for (const size of sizes) {
  const saves = await benchSize(size);
  const mid = (f: (save: Save) => number) => median(saves.map(f));
  console.log(`  ${String(size).padStart(8)}  ${s(mid((x) => x.reload))}     ${s(mid((x) => x.served))}     ${s(mid((x) => x.full))}`);
}
