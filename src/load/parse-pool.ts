import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { parserVersion } from "../io/pipeline-version.ts";
import { workerScript } from "../io/worker-bundle.ts";
import { fromData, type ParsedArticle, type ParsedData, type ParseTask } from "./parsed-article.ts";

/**
 * Parse articles on worker threads: the Markdown parser is nearly all of a
 * cold build's time and keeps one core busy per article, so every core
 * gets a share. Results come back in the order of `tasks`, never in the
 * order the threads finish, so the build stays deterministic. Each worker
 * runs the same `parseArticle`, guards included, as the main thread does.
 */

/** Below this many articles, starting threads (each loads the pipeline) costs more than it saves. */
export const INLINE_BELOW = 150;
/** Articles per message: fewer round trips, still small enough to share the work evenly. */
const BATCH = 48;

export interface ParseOptions {
  /** Worker threads; default: one per core (the main thread only waits). */
  readonly threads?: number;
  readonly onParsed?: (done: number) => void;
  /** The pipeline's fingerprint, which names the bundled worker (worker-bundle.ts); computed when not given. */
  readonly version?: string | undefined;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Found from the root: the CLI's bundle runs this module from `.cache/cli/`, at the same depth as `src/build/`. */
const SEALED_WORKER = fileURLToPath(new URL("../../src/load/sealed-worker.mjs", import.meta.url));

export async function parseAll(tasks: readonly ParseTask[], options: ParseOptions = {}): Promise<ParsedArticle[]> {
  const threads = options.threads ?? Math.min(availableParallelism(), 8);
  if (tasks.length === 0) return [];
  const inline = tasks.length < INLINE_BELOW || threads < 2;
  // Not made for a few articles (bundling takes longer than loading the sources), but used when an earlier build made it.
  const filename = await workerScript(ROOT, "src/load/parse-worker.ts", options.version ?? parserVersion(ROOT), !inline);
  if (inline || filename === undefined) {
    // Imported here: a build whose articles all come from the cache never loads the Markdown pipeline.
    const parse = filename === undefined ? (await import("./parse-worker.ts")).parseOne : fromBundle(await import(filename));
    return tasks.map((task, i) => {
      const parsed = parse(task);
      options.onParsed?.(i + 1);
      return parsed;
    });
  }
  // No `execArgv`: a worker would otherwise inherit the CLI's `--import tsx` and load every library through it (seconds of CPU a worker).
  // Each thread loads the checked bytes, not a file of the cache (worker-bundle.ts).
  const pool = new Piscina({
    filename: SEALED_WORKER,
    workerData: { bundle: filename },
    execArgv: [],
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    const results: ParsedArticle[] = new Array(tasks.length);
    let done = 0;
    const batches: Promise<void>[] = [];
    for (let start = 0; start < tasks.length; start += BATCH) {
      const batch = tasks.slice(start, start + BATCH);
      batches.push(
        (pool.run(batch) as Promise<ParsedData[]>).then((parsed) => {
          parsed.forEach((p, i) => (results[start + i] = fromData(p)));
          done += parsed.length;
          options.onParsed?.(done);
        }),
      );
    }
    await Promise.all(batches);
    return results;
  } finally {
    await pool.destroy();
  }
}

/**
 * The bundle's parse on this thread. Its results pass through plain data as
 * a worker's do: the bundle has its own copies of our classes.
 */
function fromBundle(bundle: { default: (tasks: readonly ParseTask[]) => ParsedData[] }): (task: ParseTask) => ParsedArticle {
  return (task) => fromData(bundle.default([task])[0] as ParsedData);
}
