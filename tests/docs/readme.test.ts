import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FRONT_MATTER_FIELDS } from "../../src/content/schema.ts";
import { catalogue } from "../../src/diagnostics/catalogue.ts";
import { valueForm } from "../../src/docs/front-matter-reference.ts";
import { markdownTable } from "../../src/docs/markdown-table.ts";
import { replaceBlock, withGeneratedBlocks } from "../../src/docs/readme-blocks.ts";
import { ROOT } from "../support/cli.ts";

const README = readFileSync(path.join(ROOT, "docs/editors.md"), "utf8");
const NEWCOMER = readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("the README a newcomer reads", () => {
  it("should stay short and link to docs that exist", () => {
    expect(Buffer.byteLength(NEWCOMER)).toBeLessThanOrEqual(8192);
    for (const [, target] of NEWCOMER.matchAll(/\]\(((?:docs|bench)\/[^)#]+)/g)) expect(existsSync(path.join(ROOT, target ?? "")), target).toBe(true);
  });
});

describe("the editors' guide's generated parts", () => {
  it("should be as `npm run schema` generates them (run it after changing the schema or the catalogue)", () => {
    expect(README).toBe(withGeneratedBlocks(README));
  });

  it("should list every front-matter field and every rule", () => {
    for (const field of FRONT_MATTER_FIELDS) expect(README, field).toContain(`| \`${field}\` | `);
    for (const rule of Object.keys(catalogue)) expect(README, rule).toContain(`| \`${rule}\` | `);
    expect(README).toContain("| `title` | required | text | The headline, plain text. |");
    expect(README).toContain("| `field-unknown` | error | Unknown field | Unknown field `tgas`. Did you mean `tags`? | Rename it to `tags`. |");
  });
});

describe("replaceBlock", () => {
  const open = "<!-- generated:x (npm run schema; do not edit by hand) -->";
  const close = "<!-- /generated:x -->";

  it("should replace only what lies between the markers", () => {
    expect(replaceBlock(`a\n${open}\nold\n${close}\nb`, "x", "new")).toBe(`a\n${open}\nnew\n${close}\nb`);
  });

  it("should say which markers are missing rather than skip the block", () => {
    expect(() => replaceBlock("no markers", "x", "new")).toThrow(`docs/editors.md has no \`${open}\` … \`${close}\` block`);
  });
});

describe("front-matter forms", () => {
  it("should name each form as an editor writes it", () => {
    expect(valueForm({ type: "array", items: { type: "string" } })).toBe("list of text");
    expect(valueForm({ type: "string", pattern: "^x$", examples: ["2026-09-26T09:00:00+04:30"] })).toBe("date-time, e.g. `2026-09-26T09:00:00+04:30`");
    expect(valueForm({ type: "object", properties: { src: {}, alt: {}, credit: {} }, required: ["src", "alt"] })).toBe("`{ src, alt, credit? }`");
    expect(valueForm({ anyOf: [{ type: "string" }, { type: "boolean" }] })).toBe("text, or `true` or `false`");
  });

  it("should keep a table whole when a cell holds a pipe or a line break", () => {
    expect(markdownTable(["a", "b"], [["x | y", "1\n2"]])).toBe("| a | b |\n| --- | --- |\n| x \\| y | 1 2 |");
  });
});
