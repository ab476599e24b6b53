import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run our CLI as a user would, in a child process (`npm run <command> -- …` without npm). */
export function runCli(args: readonly string[], cwd = ROOT): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, relative and sorted, with its bytes. */
export function snapshotTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string): void => {
    const entries = readdirSync(path.join(dir, sub), { withFileTypes: true });
    // An empty folder counts too (as its name and a separator): a build from nothing leaves none.
    if (entries.length === 0 && sub !== "") files.set(`${sub}${path.sep}`, Buffer.alloc(0));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, readFileSync(path.join(dir, rel)));
    }
  };
  walk("");
  return files;
}
