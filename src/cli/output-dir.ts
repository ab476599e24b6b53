import { existsSync } from "node:fs";
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
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
    return result;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}
