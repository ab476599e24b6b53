import { spawn } from "node:child_process";
import path from "node:path";
import { describe, type ExpectStatic, it } from "vitest";
import { ROOT } from "../support/cli.ts";
import type { CaseReport } from "./stress-cases.ts";

/**
 * Pathological input must finish, and in time proportional to its size: an
 * editor's paste of a whole report, or a hostile file, must never take the
 * build down with a stack overflow or keep it busy for minutes.
 *
 * Each case runs `parseArticle` in a child process (`stress-child.ts`), so a
 * case that runs away is stopped at its deadline and reported as such, and a
 * stack or heap exhaustion happens exactly as it would in the CLI. We do not
 * assert tight timings; the measured seconds are printed for the record
 * (the nesting cases run two at a time, so theirs include some contention).
 */

const CHILD = path.join(import.meta.dirname, "stress-child.ts");

type Returned = Extract<CaseReport, { kind: "returned" }>;

/** At most two cases at a time (this is a 2-core budget); a case's deadline starts when its process does. */
let freeSlots = 2;
const waiting: (() => void)[] = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (freeSlots > 0) freeSlots--;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else freeSlots++;
  }
}

interface ChildResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly wall: number;
}

function spawnCase(name: string, deadlineSeconds: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, name], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, deadlineSeconds * 1000);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, timedOut, wall: (performance.now() - started) / 1000 });
    });
  });
}

/** Run one case; resolve with its report if `parseArticle` returned, else throw saying what happened. */
async function run(name: string, deadlineSeconds: number): Promise<Returned> {
  const child = await inSlot(() => spawnCase(name, deadlineSeconds));
  const wall = child.wall.toFixed(1);
  if (child.timedOut) {
    console.log(`[stress] ${name}: did not finish within ${deadlineSeconds} s (stopped)`);
    throw new Error(`${name}: parseArticle did not finish within ${deadlineSeconds} s; the case was stopped.`);
  }
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !line.startsWith("{")) {
    const tail = child.stderr.trim().split("\n").slice(-8).join("\n");
    console.log(`[stress] ${name}: the process died after ${wall} s (status ${child.status}, signal ${child.signal})`);
    throw new Error(`${name}: the process died after ${wall} s (status ${child.status}, signal ${child.signal}):\n${tail}`);
  }
  const report = JSON.parse(line) as CaseReport;
  const mb = (report.inputLength / 1e6).toFixed(2);
  if (report.kind === "threw") {
    console.log(`[stress] ${name}: threw after ${report.seconds.toFixed(2)} s (${mb} MB): ${report.error}`);
    throw new Error(`${name}: parseArticle threw after ${report.seconds.toFixed(2)} s: ${report.error}\n  ${report.stack.join("\n  ")}`);
  }
  const outcome =
    report.htmlLength !== undefined
      ? `article, ${(report.htmlLength / 1e6).toFixed(2)} MB of HTML`
      : `no article, ${report.diagnostics.map((d) => d.rule).join(", ")}`;
  console.log(`[stress] ${name}: ${report.seconds.toFixed(2)} s in parseArticle (${mb} MB input, ${wall} s with process start): ${outcome}`);
  return report;
}

/** It finished: with an article whose body is not empty, or with at least one error saying why not. */
function expectFinished(report: Returned, expect: ExpectStatic): void {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (report.htmlLength === undefined) {
    expect(errors.length, "no article, so at least one error").toBeGreaterThan(0);
  } else {
    expect(errors).toEqual([]);
    expect(report.htmlLength).toBeGreaterThan(0);
  }
  for (const d of report.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(report.lineCount + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

const NESTING_DEADLINE = 60;
/** Vitest's own limit for a case run alone: above the child's deadline, so the deadline is what reports. */
const margin = (seconds: number): number => (seconds + 30) * 1000;
/**
 * The nesting cases run side by side, two processes at a time; vitest starts
 * all their clocks together, so each may wait for a slot: room for the group.
 */
const GROUP_TIMEOUT = 300_000;

describe("a very large article", () => {
  // Bodies past MAX_BODY_LENGTH (2,000,000 characters) are refused before
  // parsing; the largest body allowed renders in a few seconds, in time
  // linear in its length (micromark's quadratic event edits are replaced by
  // src/markdown/linear-edit-map.ts, and long bodies are parsed in pieces).
  it(
    "should refuse ~25 MB of news copy before parsing it, with an error naming the limit",
    async ({ expect }) => {
      const report = await run("big-article", 20);
      expect(report.inputLength).toBeGreaterThan(25 * 1024 * 1024);
      // Refused before parsing: no HTML, one error. (How the cost grows is pathological.test.ts's check; no clocks here.)
      expect(report.htmlLength).toBeUndefined();
      expect(report.diagnostics.map((d) => d.rule)).toEqual(["body-too-large"]);
    },
    margin(20),
  );

  it(
    "should render the largest body allowed (~2 MB of realistic copy), in time linear in its length (pathological.test.ts)",
    async ({ expect }) => {
      const report = await run("largest-article", 60);
      expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(report.htmlLength).toBeGreaterThan(2_000_000);
    },
    margin(60),
  );
});

/** Nesting cases, by name in stress-cases.ts: each must be refused at once, at its line, not parsed for minutes. */
const NESTED: readonly (readonly [name: string, what: string])[] = [
  ["nested-blockquotes", "5,000 nested block quotes"],
  ["nested-lists", "5,000 nested lists"],
  ["nested-emphasis", "5,000 nested levels of emphasis"],
  ["nested-brackets", "5,000 nested brackets"],
  ["nested-links", "5,000 links nested in each other's text"],
  ["nested-images", "5,000 images nested in each other's alt text"],
  ["many-gt", "100,000 `>` on one line"],
];

describe.concurrent("deeply nested Markdown", () => {
  for (const [name, what] of NESTED) {
    it(
      `should finish on ${what} within ${NESTING_DEADLINE} s without throwing, refusing it as too deep`,
      async ({ expect }) => {
        const report = await run(name, NESTING_DEADLINE);
        expectFinished(report, expect);
        expect(report.diagnostics.map((d) => d.rule)).toEqual(["body-too-deep"]);
      },
      GROUP_TIMEOUT,
    );
  }

  it(
    "should finish on a single line of 1,000,000 characters",
    async ({ expect }) => {
      const report = await run("long-line", NESTING_DEADLINE);
      expectFinished(report, expect);
      expect(report.htmlLength).toBeGreaterThan(1_000_000);
    },
    GROUP_TIMEOUT,
  );
});

describe("hostile YAML front matter", () => {
  const YAML_DEADLINE = 20;
  const refused = async (name: string, expect: ExpectStatic): Promise<void> => {
    const report = await run(name, YAML_DEADLINE);
    expect(report.htmlLength, "no article from hostile front matter").toBeUndefined();
    expectFinished(report, expect);
    for (const d of report.diagnostics) expect(d.message.length).toBeGreaterThan(0);
  };

  it("should refuse a title of 5,000 nested flow sequences with a diagnostic", ({ expect }) => refused("yaml-deep-flow", expect), margin(YAML_DEADLINE));

  it("should refuse a title of 5,000 nested flow mappings with a diagnostic", ({ expect }) => refused("yaml-deep-flow-map", expect), margin(YAML_DEADLINE));

  it("should refuse an alias bomb (billion laughs) with a diagnostic", ({ expect }) => refused("yaml-alias-bomb", expect), margin(YAML_DEADLINE));
});
