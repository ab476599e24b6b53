import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import spec from "commonmark-spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { needsGfm } from "../../src/markdown/needs-gfm.ts";
import { renderBody } from "../../src/markdown/processor.ts";
import { parseInChunks } from "../../src/markdown/remark-parse-body.ts";
import { ROOT } from "../support/cli.ts";

/**
 * A body that cannot use GFM is parsed without it (needs-gfm.ts): the
 * result must be what parsing with GFM gives, HTML, text and issues alike.
 */
const same = (markdown: string): void => {
  expect(renderBody(markdown, { dateline: "KABUL" })).toEqual(renderBody(markdown, { dateline: "KABUL", gfm: "always" }));
};
const plain = (markdown: string): boolean => !needsGfm(parseInChunks(markdown, {}));

describe("needsGfm", () => {
  it("should let plain news copy with links, quotes and lists skip GFM", () => {
    expect(
      plain(
        '## Aid\n\n> "We came," she said.\n\n- one\n- two\n\nRead [the report](https://example.org/report) and [ours](/national/x/).\n\n[ref]: https://example.org',
      ),
    ).toBe(true);
  });

  it.each([
    ["a table", "| a | b |\n| - | - |\n| 1 | 2 |"],
    ["strikethrough", "It was ~~wrong~~ right."],
    ["a footnote", "Said so.[^1]\n\n[^1]: In 2020."],
    ["a footnote definition alone", "[^note]: A note."],
    ["a bare address", "See www.example.org today."],
    ["a bare URL", "See https://example.org today."],
    ["an e-mail address", "Write to desk@example.org."],
    ["a task list", "- [ ] to do\n- [x] done"],
    ["a task list item that CommonMark reads as a link", "- [x] done\n\n[x]: /x"],
    ["a strikethrough in a picture's alt", "![a ~~b~~ c](p.jpg)"],
  ])("should ask for GFM for %s", (_, markdown) => {
    expect(plain(markdown)).toBe(false);
  });

  it("should give the same body as GFM for every example of the CommonMark spec", () => {
    for (const example of spec.tests) same(example.markdown.replaceAll("→", "\t"));
  });

  it("should give the same body as GFM for every fixture", () => {
    const fixtures = path.join(ROOT, "tests/fixtures");
    for (const name of readdirSync(fixtures)) {
      const input = path.join(fixtures, name, "input.md");
      try {
        same(readFileSync(input, "utf8"));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  });

  it("should give the same body as GFM for generated Markdown full of near-GFM syntax", () => {
    const tokens = [
      "|",
      " | ",
      "~",
      "~~",
      "^",
      "[^1]",
      "[^1]: note",
      "[ ]",
      "[x]",
      "- ",
      "* ",
      "1. ",
      "\n",
      "\n\n",
      "    ",
      "> ",
      "`",
      "```\n",
      "www.",
      "www.example.org",
      "http://a.b",
      "https://x.org/p?q=1",
      "a@b.co",
      "mailto:x@y.z",
      "xmpp:a@b.c",
      "<",
      ">",
      "[",
      "]",
      "(",
      ")",
      "!",
      "*",
      "_",
      "#",
      "---",
      "-",
      ":",
      "word",
      "Kabul",
      " ",
      "\\",
      "&amp;",
      "&#124;",
      "&#126;",
      "![alt](i.png)",
      "[l](u)",
      "[l](https://example.org)",
      "[x]: /url",
      "<https://a.b>",
      "\t",
      "| - |",
      "--- | ---",
      "|-|",
      ":-:",
      "-|-",
    ];
    // Lines of a few tokens each, so block structure (tables, lists, definitions) forms often.
    const line = fc.array(fc.constantFrom(...tokens), { maxLength: 6 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        same(lines.join("\n"));
      }),
      { numRuns: 600, seed: 6 },
    );
  });
});
