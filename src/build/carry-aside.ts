import { Worker } from "node:worker_threads";
import { parserVersion } from "../io/pipeline-version.ts";
import { carryOver } from "../io/previous-output.ts";
import { workerScript } from "../io/worker-bundle.ts";

export interface CarryJob {
  readonly from: string;
  readonly to: string;
  readonly paths: readonly string[];
}

/**
 * Below this many files, `carryOverAside` links them on this thread:
 * starting a thread costs more than the overlap saves.
 */
export const LINK_THREAD_ABOVE = 2000;

/**
 * `carryOver` on a worker thread, so that this thread can work meanwhile:
 * the thousands of folders and links of a warm build at newsroom scale are
 * kernel time on the other core while this one hashes the new pages, which
 * shortens the pages phase (alternating warm builds; the linking alone
 * varies widely with the disk from run to run). On this thread for a few
 * files, or when the worker's bundle cannot be made.
 * Resolves once the thread has started (a thread is started only when this
 * thread gets to it, so not after the work it should overlap), to the files
 * it will have linked.
 */
export async function carryOverAside(root: string, job: CarryJob, threadAbove = LINK_THREAD_ABOVE): Promise<{ readonly linked: Promise<Set<string>> }> {
  const script = job.paths.length > threadAbove ? await workerScript(root, "src/build/link-worker.ts", parserVersion(root)) : undefined;
  if (script === undefined) return { linked: Promise.resolve(carryOver(job.from, job.to, job.paths)) };
  // No `execArgv`: the CLI's `--import tsx` would load tsx into the worker for nothing.
  const worker = new Worker(new URL(script), { workerData: job, execArgv: [] });
  const linked = new Promise<Set<string>>((resolve, reject) => {
    worker.once("message", (paths: string[]) => resolve(new Set(paths)));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`internal: the thread linking the previous output's files stopped (${code})`)));
  });
  return { linked };
}
