import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";

/**
 * Issue 19 item 8: every problem of a file is reported in the same run. A
 * file whose front matter has an error still has its body read: its missing
 * pictures and removed raw HTML are reported beside the front-matter error,
 * on the first run and, from the cache, on the next.
 */
let work: string;

const SITE = "name: Ledger\nurl: https://ledger.example.org\ntimezone: Asia/Kabul\noutlet: Ledger\nsections:\n  - National\n";
const ARTICLES: Record<string, string> = {
  // A YAML syntax error, a missing picture beside it and raw HTML in the body.
  "national/broken-yaml/index.md":
    "---\ntitle: [Floods\ndate: 2026-10-14T09:30:00+04:30\nsection: national\n---\nText.\n\n![A bridge](bridge.jpg)\n\n<div>x</div>\n",
  // Valid YAML, a field that fails validation, a missing picture in a `<slug>.md` article.
  "national/bad-date.md": "---\ntitle: Aid arrives\ndate: yesterday\nsection: national\n---\nText.\n\n![Trucks](trucks.jpg)\n",
  // An unknown field and a present picture: no picture problem.
  "national/unknown-field/index.md":
    "---\ntitle: Rebuilding\ndate: 2026-10-14T09:30:00+04:30\nsection: national\nsubtitel: x\n---\n![A road](road.svg)\n\n![A school](school.svg)\n",
  "national/fine.md": "---\ntitle: Fine\ndate: 2026-10-14T09:30:00+04:30\nsection: national\n---\nAll well.\n",
};

function check(cache: string, format = "json") {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "src/cli/launch.mjs"), "check", "--content", path.join(work, "content"), "--site", path.join(work, "site.yaml"), "--format", format],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: cache }, timeout: 120_000 },
  );
  return result;
}

type Reported = { file: string; line: number; rule: string };
const problems = (stdout: string, stderr: string): Reported[] => {
  const text = stdout.trim().startsWith("{") ? stdout : stderr.slice(stderr.indexOf("{"));
  return (JSON.parse(text) as { diagnostics: Reported[] }).diagnostics.map(({ file, line, rule }) => ({
    file: `${path.basename(path.dirname(file))}/${path.basename(file)}`,
    line,
    rule,
  }));
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-19-all-at-once-"));
  writeFileSync(path.join(work, "site.yaml"), SITE);
  for (const [name, text] of Object.entries(ARTICLES)) {
    mkdirSync(path.dirname(path.join(work, "content", name)), { recursive: true });
    writeFileSync(path.join(work, "content", name), text);
  }
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
  writeFileSync(path.join(work, "content/national/unknown-field/road.svg"), svg);
  writeFileSync(path.join(work, "content/national/unknown-field/school.svg"), svg);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a file whose front matter has an error", () => {
  const expected = (list: Reported[]) => {
    const rules = (file: string) => list.filter((p) => p.file === file).map((p) => `${p.line}:${p.rule}`);
    expect(rules("broken-yaml/index.md")).toEqual(expect.arrayContaining(["2:yaml-syntax", "8:image-missing", "10:body-raw-html"]));
    expect(rules("national/bad-date.md")).toEqual(expect.arrayContaining(["8:image-missing"]));
    expect(rules("national/bad-date.md").some((r) => r.startsWith("3:"))).toBe(true);
    expect(rules("unknown-field/index.md").some((r) => r.endsWith("image-missing"))).toBe(false);
    expect(rules("unknown-field/index.md").some((r) => r.startsWith("5:"))).toBe(true);
  };

  it("has its missing pictures and body problems reported in the same run, and again from the cache", () => {
    const cache = path.join(work, "cache");
    const first = check(cache);
    expect(first.status, first.stderr).toBe(1);
    expected(problems(first.stdout, first.stderr));
    const second = check(cache);
    expect(second.status, second.stderr).toBe(1);
    expect(problems(second.stdout, second.stderr)).toEqual(problems(first.stdout, first.stderr));
  });
});
