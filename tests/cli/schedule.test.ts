import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelSite } from "../../src/build/build.ts";
import { pageWriter } from "../../src/build/page-writer.ts";
import { Progress, progressLine, writingPages } from "../../src/cli/progress.ts";
import { builtLine, nextScheduledLine } from "../../src/cli/summary.ts";
import { eleventyRenderer } from "../../src/eleventy/pages.ts";
import { ROOT, runCli } from "../support/cli.ts";

/**
 * Scheduled publishing: `--now` builds the site as of another moment, and
 * a build says when the next scheduled article is due, for a CI cron.
 * The fixture's `world/scheduled-story.md` is dated 2027-01-01T09:00:00+04:30.
 */
const CONTENT = path.join(ROOT, "tests/e2e/site/content");
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-schedule-"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("npm run build --now", () => {
  it("should leave a later article unpublished and print when it is due", () => {
    const out = path.join(work, "before");
    const result = runCli(["build", "--content", CONTENT, "--out", out, "--now", "2026-12-31T23:59:59Z"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[1]).toBe(
      `Next scheduled: 2027-01-01T09:00:00+04:30 (2027-01-01T04:30:00Z), ${CONTENT}/world/scheduled-story.md: build again then to publish it.`,
    );
    expect(existsSync(path.join(out, "world/scheduled-story/index.html"))).toBe(false);
  });

  it("should publish the article at its time, and print no next time when nothing else waits (drafts never go live)", () => {
    const out = path.join(work, "after");
    const result = runCli(["build", "--content", CONTENT, "--out", out, "--now", "2027-01-01T09:00:00+04:30"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Built 7 articles \(\d+ pages\) into .+ in [\d.]+ s\.\n$/);
    expect(readFileSync(path.join(out, "world/scheduled-story/index.html"), "utf8")).toContain("<h1>Scheduled for next year</h1>");
    expect(existsSync(path.join(out, "world/draft-story"))).toBe(false);
  });

  it("should refuse a --now without an offset, or that is no date, saying what to write", () => {
    const bare = runCli(["build", "--content", CONTENT, "--out", path.join(work, "x"), "--now", "2027-01-01T09:00"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain("error: --now: `2027-01-01T09:00` has no time-zone offset; add one, e.g. `2027-01-01T09:00+04:30`, or `Z` for UTC.");
    const wrong = runCli(["build", "--content", CONTENT, "--out", path.join(work, "x"), "--now", "tomorrow"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("error: --now: `tomorrow` is not a date-time: it is not a date-time in the form `YYYY-MM-DDTHH:MM:SS+HH:MM`.");
    expect(existsSync(path.join(work, "x"))).toBe(false);
  });
});

describe("summary lines", () => {
  it("should say what was built, with warnings only when there are some", () => {
    expect(builtLine({ articles: 12, pages: 80, outDir: "dist", seconds: 1.234, warnings: 0 })).toBe("Built 12 articles (80 pages) into dist/ in 1.2 s.");
    expect(builtLine({ articles: 1, pages: 9, outDir: "dist", seconds: 0.05, warnings: 1 })).toBe("Built 1 articles (9 pages) into dist/ in 0.1 s, 1 warning.");
  });

  it("should give the next time in the editor's offset and in UTC", () => {
    expect(nextScheduledLine(undefined)).toBeUndefined();
    expect(nextScheduledLine({ file: "content/world/a.md", date: { epoch: Date.UTC(2026, 11, 31, 20, 0), offset: -300 } })).toBe(
      "Next scheduled: 2026-12-31T15:00:00-05:00 (2026-12-31T20:00:00Z), content/world/a.md: build again then to publish it.",
    );
  });
});

/** A terminal or a CI log, as far as the progress display can tell. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe("build progress", () => {
  it("should draw on a terminal, at most every 100 ms unless forced, and clear its line at the end", () => {
    let clock = 0;
    const stream = fakeStream(true);
    const progress = new Progress(stream, () => clock);
    progress.update({ stage: "parsing", done: 1, total: 12000 });
    clock = 50;
    progress.update({ stage: "parsing", done: 2, total: 12000 });
    clock = 150;
    progress.update({ stage: "parsing", done: 3000, total: 12000 });
    progress.update({ stage: "parsing", done: 12000, total: 12000 }, true);
    progress.clear();
    progress.clear();
    expect(stream.written).toEqual([
      "\r\u001b[KParsing articles: 1 of 12,000",
      "\r\u001b[KParsing articles: 3,000 of 12,000",
      "\r\u001b[KParsing articles: 12,000 of 12,000",
      "\r\u001b[K",
    ]);
  });

  it("should write nothing when the output is not a terminal (CI)", () => {
    const stream = fakeStream(false);
    const progress = new Progress(stream);
    progress.update({ stage: "parsing", done: 1, total: 1 }, true);
    writingPages(progress)(1, 1);
    progress.clear();
    expect(stream.written).toEqual([]);
  });

  it("should count the pages written of all as they are rendered, then those carried over", async () => {
    // Eleventy imports the `.tsx` templates itself, past vitest's transform: give it tsx's loader, as the CLI runs with.
    (await import("tsx/esm/api")).register();
    const site = path.join(ROOT, "tests/e2e/site");
    const modelled = await modelSite({ contentDir: path.join(site, "content"), siteFile: path.join(site, "site.yaml"), now: Date.parse("2026-11-24T12:00:00Z") });
    if (modelled.kind !== "modelled") throw new Error("the fixture has errors");
    const { site: built, pages: all } = modelled.built;
    const total = all.filter((p) => p.template === "article" || p.template === "list" || p.template === "file" || p.template === "lite").length;
    const cache = path.join(work, "cache");
    /** One build into `dir` after the one into `outDir`, reporting every 4 pages, drawn on a fake terminal whose clock lets every line through. */
    const build = async (outDir: string, dir: string): Promise<string[]> => {
      const stream = fakeStream(true);
      let clock = 0;
      const progress = new Progress(stream, () => (clock += 1000));
      const renderer = await eleventyRenderer({ templatesDir: path.join(ROOT, "templates"), publicDir: path.join(ROOT, "public"), reportEvery: 4 });
      const pages = await pageWriter(ROOT, cache, outDir, renderer);
      await pages.write(dir, { chrome: built.chrome, front: built.front, pages: all }, writingPages(progress));
      progress.clear();
      await pages.record(dir);
      return stream.written.map((line) => line.replace("\r\u001b[K", ""));
    };
    const line = (n: number) => `Writing pages: ${n} of ${total}`;
    const out = path.join(work, "progress-cold");
    const runs = Array.from({ length: Math.ceil(total / 4) }, (_, i) => Math.min(4 * (i + 1), total));
    expect(runs.length).toBeGreaterThan(2);
    expect(await build(out, out)).toEqual([line(0), ...runs.map(line), ""]);
    // Nothing changed: every page is carried over from the first build's output.
    expect(await build(out, path.join(work, "progress-warm"))).toEqual([line(0), line(total), ""]);
  }, 60_000);

  it("should word each stage", () => {
    expect(progressLine({ stage: "parsing", done: 1200, total: 10000 })).toBe("Parsing articles: 1,200 of 10,000");
    expect(progressLine({ stage: "writing", done: 1500, total: 16132 })).toBe("Writing pages: 1,500 of 16,132");
  });
});
