import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import spec from "commonmark-spec";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { MAX_NESTING, MAX_TREE_DEPTH, scanNesting, treeTooDeep } from "../../src/markdown/nesting.ts";
import { renderBody } from "../../src/markdown/processor.ts";
import { MAX_BODY_LENGTH } from "../../src/markdown/remark-parse-body.ts";
import { ROOT } from "../support/cli.ts";

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => path.join(dir, f));
}

describe("scanNesting", () => {
  it("should pass every CommonMark example and every article of the sample and evaluation sites", () => {
    const texts = [
      ...spec.tests.map((t) => t.markdown.replaceAll("→", "\t")),
      ...[path.join(ROOT, "content"), path.join(ROOT, "tests/relate/eval")].flatMap(markdownFiles).map((f) => readFileSync(f, "utf8")),
    ];
    expect(texts.length).toBeGreaterThan(700);
    expect(texts.filter((t) => scanNesting(t) !== undefined)).toEqual([]);
  });

  it("should allow what editors write: quoted e-mail threads, nested lists, emphasis-heavy paragraphs", () => {
    const thread = Array.from({ length: 12 }, (_, i) => `${"> ".repeat(i + 1)}message ${i}`).join("\n");
    const lists = Array.from({ length: 10 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    const bold = Array.from({ length: 200 }, (_, i) => `**point ${i}** and _aside_`).join(" ");
    for (const text of [thread, lists, bold, "[".repeat(40) + "]".repeat(40)]) expect(scanNesting(text)).toBeUndefined();
  });

  it("should point at the line and column where the nesting passes the limit", () => {
    expect(scanNesting(`Intro.\n\n${"> ".repeat(1000)}deep`)).toEqual({ line: 3, column: 2 * MAX_NESTING + 1, limit: MAX_NESTING });
    expect(scanNesting(`Intro.\n\n${">".repeat(100_000)}`)).toEqual({ line: 3, column: MAX_NESTING + 1, limit: MAX_NESTING });
    expect(scanNesting(`${"*".repeat(10_000)}deep${"*".repeat(10_000)}`)?.line).toBe(1);
    expect(scanNesting(`x\n${"![".repeat(5000)}deep`)).toEqual({ line: 2, column: 2 * MAX_NESTING + 2, limit: MAX_NESTING });
    // Nesting built line by line with growing indentation.
    const stairs = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n");
    expect(scanNesting(stairs)?.line).toBe(MAX_NESTING + 1);
  });

  it("should reset inline nesting at a blank line, where no inline construct continues", () => {
    const paragraphs = Array.from({ length: 100 }, () => "[[[[ *open _open").join("\n\n");
    expect(scanNesting(paragraphs)).toBeUndefined();
  });

  it("should count escaped characters as text", () => {
    expect(scanNesting("\\[".repeat(1000))).toBeUndefined();
  });
});

describe("treeTooDeep", () => {
  it("should find the first node past the limit without recursing", () => {
    let node: Root["children"][number] = { type: "text", value: "deep", position: { start: { line: 9, column: 3 }, end: { line: 9, column: 7 } } };
    for (let i = 0; i < 100_000; i++) node = { type: "emphasis", children: [node as never] };
    const tree: Root = { type: "root", children: [{ type: "paragraph", children: [node as never] }] };
    expect(treeTooDeep(tree)).toEqual({ line: 1, column: 1, limit: MAX_TREE_DEPTH });
    expect(treeTooDeep(tree, 200_000)).toBeUndefined();
  });
});

describe("the body pipeline", () => {
  it("should refuse a body nested too deeply, with an error at its line, and publish nothing of it", () => {
    const body = renderBody(`Fine.\n\n${"- ".repeat(5000)}deep`);
    expect(body.html).toBe("");
    expect(body.issues).toEqual([{ rule: "body-too-deep", line: 3, column: 2 * MAX_NESTING + 1, args: { limit: MAX_NESTING } }]);
  });

  it("should refuse a body longer than the limit before parsing it", () => {
    const body = renderBody("word ".repeat(MAX_BODY_LENGTH / 5 + 1));
    expect(body.html).toBe("");
    expect(body.issues).toEqual([{ rule: "body-too-large", line: 1, column: 1, args: { length: MAX_BODY_LENGTH + 5, limit: MAX_BODY_LENGTH } }]);
  });
});
