import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, snapshotTree } from "../../support/cli.ts";

/**
 * Issue 20 item 4: a template that throws on one article stopped the build
 * with a bare stack and the usage exit code. Run on a copy of the project
 * whose article template throws for one article: the build exits 3 (an
 * internal error), names the template, the page's URL and the article's
 * file, prints the cause, and leaves the previous output as it was.
 */
const NOW = "2026-11-24T12:00:00+04:30";
let project: string;
let work: string;

/** The CLI of the copied project, from its sources, as `npm run` would start it (no bundle, no shared cache). */
function cli(args: readonly string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(project, "src/cli/main.ts"), ...args], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", NEWSROOM_CACHE: path.join(work, "cache") },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-render-failure-"));
  project = path.join(work, "project");
  for (const part of ["src", "templates", "public", "package.json", "package-lock.json", "tsconfig.json"])
    cpSync(path.join(ROOT, part), path.join(project, part), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
  cpSync(path.join(ROOT, "tests/e2e/site"), path.join(work, "site"), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a template that throws while rendering one article", () => {
  it("should exit 3 naming the template, the URL and the article file, with the cause, and publish nothing", () => {
    const out = path.join(work, "out");
    const args = ["build", "--content", path.join(work, "site/content"), "--site", path.join(work, "site/site.yaml"), "--out", out, "--now", NOW];
    const first = cli(args);
    expect(first.status, first.stderr).toBe(0);
    const before = snapshotTree(out);

    const template = path.join(project, "templates/article.11ty.tsx");
    const source = readFileSync(template, "utf8");
    const throwing = source.replace(
      "export function render({ model, article }: ArticlePageData) {\n",
      'export function render({ model, article }: ArticlePageData) {\n  if (article.slug === "floods-hit-baghlan") throw new TypeError("the byline has no authors list");\n',
    );
    expect(throwing).not.toBe(source);
    writeFileSync(template, throwing);
    // A change of the templates makes every page render again (none is carried over).
    const run = cli(args);
    expect(run.status, run.stderr).toBe(3);
    const display = path.join(work, "site/content/national/floods-hit-baghlan.md");
    expect(run.stderr).toContain(
      `internal error: templates/article.11ty.tsx failed to render /national/floods-hit-baghlan/ (from ${display}): the byline has no authors list`,
    );
    // The cause's stack follows: where in the template it threw.
    expect(run.stderr).toMatch(/Caused by: TypeError: the byline has no authors list\n\s+at (Object\.)?render \(.*article\.11ty\.tsx/);
    expect(run.stderr).toContain("Nothing was published: ");
    expect(snapshotTree(out)).toEqual(before);
  });
});
