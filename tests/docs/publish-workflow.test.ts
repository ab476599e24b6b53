import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/cli.ts";

/** The example workflow must run unchanged on GitHub Actions: the commands it runs must be ours. */
interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

const text = readFileSync(path.join(ROOT, ".github/workflows/publish.yml"), "utf8");
const workflow = parse(text) as {
  on: Record<string, unknown>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
};
const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

describe(".github/workflows/publish.yml", () => {
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((job) => job.steps);
  const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()]));

  it("should install, check with annotations and build, in that order", () => {
    const order = ["npm ci", "npm run check -- --format github", "npm run build"].map((command) => runs.indexOf(command));
    expect(
      order.every((i) => i >= 0),
      runs.join("\n"),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("should check out the repository and set up Node 20 with npm's cache first", () => {
    expect(steps[0]?.uses).toMatch(/^actions\/checkout@v\d+$/);
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node?.with).toEqual({ "node-version": 20, cache: "npm" });
    expect(jobs.every((job) => job["runs-on"] === "ubuntu-latest")).toBe(true);
  });

  it("should run on pushes, by hand and on a timer for scheduled articles", () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(["push", "schedule", "workflow_dispatch"]));
    expect(workflow.on.schedule).toEqual([{ cron: "*/15 * * * *" }]);
  });

  it("should only run npm scripts that exist, and leave the deploy step to the user as a comment", () => {
    for (const run of runs) {
      const script = /^npm run (\S+)/.exec(run)?.[1];
      if (script !== undefined) expect(packageJson.scripts, run).toHaveProperty(script);
    }
    expect(text).toMatch(/^ {6}# Deploy `dist\/` here/m);
    expect(steps.some((s) => /deploy/i.test(s.name ?? ""))).toBe(false);
  });
});
