import { spawn } from "node:child_process";
import { existsSync, renameSync } from "node:fs";
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./args.ts";

/**
 * The published site is never damaged: pages are written into a fresh
 * folder beside the output, which replaces the old output only once complete.
 * A failed build leaves the previous output exactly as it was.
 */

/** Left in every output we write, so we only ever replace our own builds. */
export const MARKER = ".newsroom-build";

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * Refuse an output folder that holds our sources or the current folder, or
 * that exists with files we did not write: replacing it would lose them.
 */
export async function checkOutDir(outDir: string, sources: readonly string[]): Promise<void> {
  const out = path.resolve(outDir);
  for (const source of [process.cwd(), ...sources]) {
    if (inside(path.resolve(source), out)) {
      throw new UsageError(`--out: \`${outDir}\` contains \`${source}\`; choose a separate output folder such as \`dist\`.`);
    }
  }
  if (!existsSync(out)) return;
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new UsageError(
      `--out: \`${outDir}\` already holds files that this generator did not write; empty or remove it, or choose another folder.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Mend what a build killed midway left: a half-written folder is deleted;
 * if it was killed between the two renames of the swap, the previous output
 * is put back in place.
 */
async function recover(out: string): Promise<void> {
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!existsSync(parent)) return;
  const prefix = `.${base}-`;
  for (const name of await readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const [kind, pid, ...rest] = name.slice(prefix.length).split("-");
    if (rest.length > 0 || (kind !== "building" && kind !== "previous") || !/^\d+$/.test(pid ?? "")) continue;
    if (isRunning(Number(pid))) continue;
    const full = path.join(parent, name);
    if (kind === "previous" && !existsSync(out)) await rename(full, out);
    else await rm(full, { recursive: true, force: true });
  }
}

/**
 * Deleting the previous output is the slowest step of a warm build (at
 * 10,000 articles, 26,000 files in 16,000 folders: 6 s), and nothing
 * waits for it: it is renamed to `.<out>-trash-<pid>` and deleted by a
 * detached process after the build has returned. That process deletes every
 * trash folder beside the output, so one left by a killed deleter goes with
 * the next.
 */
function discard(parent: string, previous: string, trashPrefix: string): void {
  // Unique even if a killed deleter left a folder of a process with the same number.
  const trash = path.join(parent, `${trashPrefix}${process.pid}-${Date.now().toString(36)}`);
  renameSync(previous, trash);
  const sweep = `const fs = require("node:fs"), path = require("node:path");
const [parent, prefix] = process.argv.slice(1);
for (const name of fs.readdirSync(parent)) if (name.startsWith(prefix)) fs.rmSync(path.join(parent, name), { recursive: true, force: true, maxRetries: 3 });`;
  spawn(process.execPath, ["--eval", sweep, parent, trashPrefix], { detached: true, stdio: "ignore" }).unref();
}

/** Run `write` into a temporary folder, then swap it in place of `outDir`. */
export async function publishAtomically<T>(outDir: string, write: (dir: string) => Promise<T>): Promise<T> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  await recover(out);
  const building = path.join(parent, `.${base}-building-${process.pid}`);
  const previous = path.join(parent, `.${base}-previous-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  try {
    const result = await write(building);
    await writeFile(path.join(building, MARKER), "Written by the news-site generator; the folder is replaced whole on each build.\n");
    const hadPrevious = existsSync(out);
    if (hadPrevious) await rename(out, previous);
    try {
      await rename(building, out);
    } catch (error) {
      if (hadPrevious) await rename(previous, out);
      throw error;
    }
    if (hadPrevious) discard(parent, previous, `.${base}-trash-`);
    return result;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}
