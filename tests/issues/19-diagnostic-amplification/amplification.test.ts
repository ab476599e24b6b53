import { describe, expect, it } from "vitest";
import { cutLine } from "../../../src/diagnostics/cut-line.ts";
import { type Diagnostic, diagnose } from "../../../src/diagnostics/diagnostic.ts";
import { codeFrame, formatGithub, formatHuman, formatJson, SHOWN_PER_RULE } from "../../../src/diagnostics/reporter.ts";
import { parseArticle } from "../../../src/load/load-article.ts";
import { articleFile } from "../../support/article-file.ts";
import { growth } from "../../support/growth.ts";

/**
 * Issue 19 item 6: one line holding thousands of problems must not make a
 * report thousands of times that line's size, nor take time quadratic in
 * the problems. Code frames cut long lines around the column; the human
 * and GitHub reports show the first problems of each rule in a file and
 * count the rest exactly; JSON keeps every problem.
 */
const FILE = "content/national/a.md";

function unresolved(n: number, oneLine: boolean): { source: string; diagnostics: readonly Diagnostic[] } {
  const slugs = Array.from({ length: n }, (_, i) => `missing-story-${i}`);
  const list = oneLine ? `check_also: [${slugs.join(", ")}]` : `check_also:\n${slugs.map((s) => `  - ${s}`).join("\n")}`;
  const source = `---\ntitle: T\ndate: 2026-10-14T09:30:00+04:30\n${list}\n---\nBody.\n`;
  const line = oneLine ? 4 : 0;
  let offset = source.indexOf("check_also: [") - source.lastIndexOf("\n", source.indexOf("check_also")) + 13;
  const diagnostics = slugs.map((slug, i) => {
    const at = oneLine ? { line, column: offset } : { line: 5 + i, column: 5 };
    offset += slug.length + 2;
    return diagnose("check-also-unresolved", FILE, at, { slug, suggestion: undefined });
  });
  return { source, diagnostics };
}

describe("cutting a long line around the column", () => {
  it("keeps short lines whole", () => {
    expect(cutLine("title: Floods", 8)).toEqual({ text: "title: Floods", caret: 7, before: "title: " });
  });

  it("cuts a long line to about 60 characters each side of the column, with … where it was cut", () => {
    const line = `${"a".repeat(5000)}X${"b".repeat(5000)}`;
    const cut = cutLine(line, 5001);
    expect(cut.text.startsWith("…")).toBe(true);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(cut.text.length).toBeLessThanOrEqual(2 * 60 + 3);
    expect(Array.from(cut.text)[cut.caret]).toBe("X");
  });

  it("never splits a character made of two code units, and counts wide characters as two columns", () => {
    const line = `${"😀".repeat(3000)}X${"語".repeat(3000)}`;
    const column = "😀".repeat(3000).length + 1;
    const cut = cutLine(line, column);
    expect(cut.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    // The caret counts display columns: each emoji before X is two wide, the `…` one.
    const before = cut.text.slice(0, cut.text.indexOf("X"));
    expect(cut.caret).toBe(1 + 2 * Array.from(before.slice(1)).length);
  });

  it("cuts the frame of a problem on an 800 KB line, caret under the problem", () => {
    const { source, diagnostics } = unresolved(50_000, true);
    const d = diagnostics[40_000]!;
    const frame = codeFrame(source, d.position.line, d.position.column);
    expect(frame.length).toBeLessThan(600);
    const lines = frame.split("\n");
    const text = lines.find((l) => l.startsWith("  >"))!;
    const caret = lines[lines.indexOf(text) + 1]!;
    expect(text.slice(caret.indexOf("^"), caret.indexOf("^") + "missing-story-40000".length)).toBe("missing-story-40000");
  });
});

describe("a report with thousands of problems of one rule in one file", () => {
  for (const oneLine of [true, false]) {
    const shape = oneLine ? "on one line" : "one per line";
    it(`shows the first ${SHOWN_PER_RULE} ${shape} and counts the rest exactly`, () => {
      const { source, diagnostics } = unresolved(5000, oneLine);
      const sources = new Map([[FILE, source]]);
      const human = formatHuman(diagnostics, sources);
      expect(human.match(/check-also-unresolved {2}/g)?.length).toBe(SHOWN_PER_RULE);
      expect(human).toContain(`and 4,980 more like this`);
      expect(human.trimEnd().endsWith("5000 errors, 0 warnings in 1 file")).toBe(true);
      expect(human.length).toBeLessThan(20_000);
      const github = formatGithub(diagnostics);
      expect(github.match(/^::error /gm)?.length).toBe(SHOWN_PER_RULE + 1);
      expect(github).toContain("4,980 more");
      const json = JSON.parse(formatJson(diagnostics)) as { diagnostics: unknown[]; summary: { errors: number } };
      expect(json.diagnostics.length).toBe(5000);
      expect(json.summary.errors).toBe(5000);
    });
  }

  it("takes time linear in the problems, one per line (4× the problems, well under 16× the time)", () => {
    // Splitting the whole file for each frame made this quadratic: 50,000 entries took minutes.
    const ratio = growth(
      (n) => {
        const { source, diagnostics } = unresolved(n, false);
        const sources = new Map([[FILE, source]]);
        return () => formatHuman(diagnostics, sources);
      },
      10_000,
      4,
      5,
    );
    expect(ratio).toBeLessThan(8);
  });
});

describe("a one-line body with thousands of removed tags", () => {
  it("reports every removed tag in JSON and a bounded human report", () => {
    const body = Array.from({ length: 5000 }, (_, i) => `<b>${i}</b>`).join(" ");
    const source = `---\ntitle: T\ndate: 2026-10-14T09:30:00+04:30\n---\n${body}\n`;
    const result = parseArticle(source, articleFile("a"), "Asia/Kabul");
    const warnings = result.diagnostics.filter((d) => d.rule === "body-raw-html");
    expect(warnings.length).toBe(5000);
    const human = formatHuman(result.diagnostics, new Map([[result.diagnostics[0]!.file, source]]));
    expect(human.length).toBeLessThan(20_000);
    expect(human).toContain("and 4,980 more like this");
  });
});
