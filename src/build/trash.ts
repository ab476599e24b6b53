import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Deleting the previous output is the slowest step of a warm build (tens of
 * thousands of files at 10,000 articles), and no reader needs to wait for
 * it. So the replaced output is renamed into `trash/` under the cache folder
 * (one rename on the same file system) and deleted by the next build, on a
 * worker thread while that build does its own work; the command waits for
 * the worker before it exits, so no process outlives it and nothing stays
 * beside the output. Where the trash is on another file system, or caching
 * is off, the folder is deleted at once.
 */
export const TRASH_FOLDER = "trash";

/** `folder` out of the way: into `trash` when it can be renamed there, else deleted now. */
export function moveToTrash(folder: string, trash: string | undefined): void {
  if (trash !== undefined) {
    try {
      mkdirSync(trash, { recursive: true });
      renameSync(folder, path.join(trash, `${process.pid}-${Date.now().toString(36)}-${path.basename(folder)}`));
      return;
    } catch {
      // Another file system (EXDEV), or a cache folder that cannot be written: deleted here instead.
    }
  }
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
}

const SWEEP = `
const { rmSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
for (const folder of workerData) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
`;

/**
 * Delete what `trash` holds now on a worker thread; the promise settles
 * when it is gone (a warning on stderr if it could not be). Later additions
 * wait for the next build.
 */
export function sweepTrash(trash: string | undefined): Promise<void> {
  let names: string[];
  try {
    names = trash === undefined ? [] : readdirSync(trash);
  } catch {
    return Promise.resolve();
  }
  if (trash === undefined || names.length === 0) return Promise.resolve();
  const folders = names.map((name) => path.join(trash, name));
  return new Promise((resolve) => {
    const worker = new Worker(SWEEP, { eval: true, workerData: folders });
    worker.on("error", (error) =>
      process.stderr.write(`warning: the previous output in \`${trash}\` could not be deleted (${error.message}); the next build tries again.\n`),
    );
    worker.on("exit", () => resolve());
  });
}
