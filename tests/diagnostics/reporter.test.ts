import { describe, expect, it } from "vitest";
import { catalogue } from "../../src/diagnostics/catalogue.ts";
import { diagnose } from "../../src/diagnostics/diagnostic.ts";
import { didYouMean, editDistance } from "../../src/diagnostics/did-you-mean.ts";
import { codeFrame, formatGithub, formatHuman, formatJson, summaryLine } from "../../src/diagnostics/reporter.ts";

describe("reporter", () => {
  const source = "---\ntitle: x\noutlt: AT\n---\nbody\n";
  const d = diagnose("field-unknown", "content/a.md", { line: 3, column: 1 }, { field: "outlt", suggestion: "outlet" });
  const w = diagnose("date-no-offset", "content/b.md", { line: 2, column: 7 }, { field: "date", zone: "UTC" });

  it("should print path:line:column, severity, rule id, message, hint and a code frame", () => {
    expect(formatHuman([d], new Map([["content/a.md", source]]))).toBe(
      [
        "content/a.md:3:1  error  field-unknown  Unknown field `outlt`. Did you mean `outlet`?",
        "  hint: Rename it to `outlet`.",
        "    2 | title: x",
        "  > 3 | outlt: AT",
        "      | ^",
        "    4 | ---",
        "",
        "1 error, 0 warnings in 1 file",
        "",
      ].join("\n"),
    );
  });

  it("should sort by file and count errors, warnings and files", () => {
    const text = formatHuman([w, d], new Map());
    expect(text.indexOf("content/a.md")).toBeLessThan(text.indexOf("content/b.md"));
    expect(summaryLine([w, d, d])).toBe("2 errors, 1 warning in 2 files");
  });

  it("should put the caret under the column", () => {
    expect(codeFrame("abc\ndef", 2, 3).split("\n")).toEqual(["    1 | abc", "  > 2 | def", "      |   ^"]);
  });

  it("should give every rule a title, a message and a hint", () => {
    for (const [id, rule] of Object.entries(catalogue)) {
      expect(rule.title, id).not.toBe("");
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});

describe("didYouMean", () => {
  it("should count a swap of neighbours as one edit", () => {
    expect(editDistance("tgas", "tags")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("should suggest only plausible typos", () => {
    expect(didYouMean("outlt", ["title", "outlet", "tags"])).toBe("outlet");
    expect(didYouMean("Wrold", ["national", "world"])).toBe("world");
    expect(didYouMean("banana", ["title", "outlet"])).toBeUndefined();
  });
});

describe("machine formats", () => {
  const d = diagnose("field-unknown", "content/a,b.md", { line: 3, column: 1 }, { field: "outlt", suggestion: "outlet" });

  it("should print JSON with positions, rule, title and counts", () => {
    const parsed = JSON.parse(formatJson([d]));
    expect(parsed).toEqual({
      diagnostics: [
        {
          file: "content/a,b.md",
          line: 3,
          column: 1,
          severity: "error",
          rule: "field-unknown",
          title: "Unknown field",
          message: "Unknown field `outlt`. Did you mean `outlet`?",
          hint: "Rename it to `outlet`.",
        },
      ],
      summary: { errors: 1, warnings: 0, files: 1 },
    });
  });

  it("should print GitHub annotations with escaped properties and data", () => {
    expect(formatGithub([d]).split("\n")[0]).toBe(
      "::error file=content/a%2Cb.md,line=3,col=1,title=field-unknown%3A Unknown field::Unknown field `outlt`. Did you mean `outlet`?%0ARename it to `outlet`.",
    );
  });
});
