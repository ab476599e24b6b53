import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/load/load-article.ts";
import { MAX_NESTING } from "../../../src/markdown/nesting.ts";
import { renderBody } from "../../../src/markdown/processor.ts";
import { articleFile } from "../../support/article-file.ts";
import { runCli } from "../../support/cli.ts";

/**
 * Issue 19 item 1: raw HTML nested tens of thousands deep overflowed the
 * stack in hast-util-from-parse5 (exit 2, a stack trace). Raw HTML nesting
 * counts toward the 64-level guard: `body-too-deep` at the line and column
 * where it first passes the limit, whatever the shape, and never a throw.
 */
const FRONT = "---\ntitle: Deep\ndate: 2026-10-14T09:30:00+04:30\n---\n";
const BODY_START = 5;

/** Shapes by name: the body, and the body line and column of the tag that passes the limit. */
const SHAPES: Record<string, (n: number) => { body: string; line: number; column: number }> = {
  "inline spans in a paragraph": (n) => ({ body: `Text.\n\nSee ${"<span>".repeat(n)}x`, line: 3, column: 4 + MAX_NESTING * 6 + 1 }),
  "a block of divs on one line": (n) => ({ body: `<div>${"<div>".repeat(n)}x`, line: 1, column: MAX_NESTING * 5 + 1 }),
  "a block of divs, one per line": (n) => ({ body: "<div>\n".repeat(n), line: MAX_NESTING + 1, column: 1 }),
  "nested tables": (n) => ({ body: "<table><tr><td>".repeat(n), line: 1, column: MAX_NESTING * 15 + 1 }),
  "links and emphasis in HTML": (n) => ({ body: `a ${"<a href=x><em>".repeat(n)}`, line: 1, column: 3 + (MAX_NESTING / 2) * 14 }),
  "HTML in a list item": (n) => ({ body: `- item ${"<b>".repeat(n)}`, line: 1, column: 8 + MAX_NESTING * 3 }),
  "HTML in a block quote": (n) => ({ body: `> ${"<i>".repeat(n)}\n> more`, line: 1, column: 3 + MAX_NESTING * 3 }),
  "a pre block": (n) => ({ body: `<pre>\n${"<div>\n".repeat(n)}</pre>`, line: MAX_NESTING + 1, column: 1 }),
};

describe("deeply nested raw HTML", () => {
  for (const n of [20_000, 100_000]) {
    for (const [name, shape] of Object.entries(SHAPES)) {
      it(`refuses ${name}, ${n.toLocaleString("en-US")} deep, as too deep at its place`, () => {
        const { body, line, column } = shape(n);
        const result = parseArticle(`${FRONT}${body}\n`, articleFile("deep"), "UTC");
        expect(result.article).toBeUndefined();
        const deep = result.diagnostics.filter((d) => d.rule === "body-too-deep");
        expect(deep.map((d) => d.position)).toEqual([{ line: BODY_START - 1 + line, column }]);
        expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule)).toEqual(["body-too-deep"]);
      });
    }
  }

  it("removes a pre block that runs across blank lines, however deep, without parsing it into a deep tree", () => {
    const result = parseArticle(`${FRONT}<pre>\n${"<div>\n\n".repeat(20_000)}</pre>\n\nAfter.\n`, articleFile("deep"), "UTC");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.article?.body.html.read()).toContain("After.");
  });

  it("keeps HTML that nests a few levels as before: removed with a warning each, the text kept", () => {
    const rendered = renderBody(`${"<span>".repeat(MAX_NESTING)}x${"</span>".repeat(MAX_NESTING)}\n\n<div>\n<div>\n<p>a\n<p>b\n</div>\n</div>`);
    expect(rendered.issues.every((i) => i.rule === "body-raw-html")).toBe(true);
    expect(rendered.html).toContain("x");
  });

  it("does not count tags whose end tag may be left out, nor void ones", () => {
    const many = (tag: string) => `<ul>\n${`<li>${tag} item\n`.repeat(500)}</ul>`;
    for (const body of [many(""), many("<br>"), `<table>\n${"<tr><td>a<td>b\n".repeat(500)}</table>`, "<p>a ".repeat(500)]) {
      expect(
        renderBody(body).issues.some((i) => i.rule === "body-too-deep"),
        body.slice(0, 40),
      ).toBe(false);
    }
  });

  it("is refused by the CLI with exit 1 and the place, not an internal error", () => {
    const work = mkdtempSync(path.join(tmpdir(), "newsroom-19-deep-html-"));
    try {
      mkdirSync(path.join(work, "content/national"), { recursive: true });
      writeFileSync(path.join(work, "site.yaml"), "name: L\nurl: https://l.example.org\ntimezone: Asia/Kabul\noutlet: L\nsections:\n  - National\n");
      writeFileSync(path.join(work, "content/national/deep.md"), `${FRONT.replace("---\n", "---\nsection: national\n")}<div>\n${"<div>".repeat(20_000)}x\n`);
      const result = runCli(["build", "--content", path.join(work, "content"), "--site", path.join(work, "site.yaml"), "--out", path.join(work, "out")]);
      expect(result.stderr).not.toMatch(/internal error|Maximum call stack|\n\s+at /);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/deep\.md:7:\d+ {2}error {2}body-too-deep/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
