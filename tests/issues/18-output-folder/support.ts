import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../support/cli.ts";

export { ROOT, snapshotTree } from "../../support/cli.ts";
export const FIXTURE_CONTENT = path.join(ROOT, "tests/e2e/site/content");
export const NOW = "2026-11-24T12:00:00+04:30";

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const LAUNCH = path.join(ROOT, "src/cli/launch.mjs");
const envWith = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env });

/** The CLI as a user runs it, with extra environment variables. */
export function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [LAUNCH, ...args], { cwd, encoding: "utf8", env: envWith(env), timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A build paused at `step` (NEWSROOM_PAUSE_AT), killed with SIGKILL once it says it is there; what it printed. */
export async function buildKilledAt(step: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ paused: boolean; stderr: string }> {
  const { paused, stderr } = await pausedBuild(step, args, env, (child) => child.kill("SIGKILL"));
  return { paused, stderr };
}

/** A build paused at `step`, `act` done there, then resumed (SIGUSR2): whether it paused, its exit code and stderr. */
export function buildResumedAt(
  step: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  act: () => void,
): Promise<{ paused: boolean; status: number | null; stderr: string }> {
  return pausedBuild(step, args, env, (child) => {
    act();
    child.kill("SIGUSR2");
  });
}

function pausedBuild(
  step: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  atPause: (child: ChildProcess) => void,
): Promise<{ paused: boolean; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LAUNCH, ...args], { cwd: ROOT, env: envWith({ ...env, NEWSROOM_PAUSE_AT: step }), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let paused = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      if (!paused && stderr.includes(`newsroom: paused at ${step}\n`)) {
        paused = true;
        atPause(child);
      }
    });
    child.on("close", (status) => resolve({ paused, status, stderr }));
  });
}

/** Whether the text is a stack trace's, which a user should never see for what they did. */
export const hasStack = (text: string): boolean => /^\s+at [^\n]+:\d+:\d+/m.test(text) || /^internal error/m.test(text);

/** Processes (other than this one) whose command line mentions `needle`. */
export function processesMentioning(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      if (cmdline.includes(needle)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}
