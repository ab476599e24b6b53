import fc from "fast-check";
import { fromMarkdown } from "mdast-util-from-markdown";
import remarkGfm from "remark-gfm";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { chunkMarkdown } from "../../src/markdown/chunks.ts";
import "../../src/markdown/linear-edit-map.ts";
import { parseInChunks } from "../../src/markdown/remark-parse-body.ts";
import { newsBody } from "../robustness/stress-cases.ts";

/**
 * Parsing a long body in pieces must give exactly the tree of parsing it
 * whole, positions included. The pieces are forced tiny here (a cut wherever
 * one is allowed), so every allowed cut is exercised.
 */
const gfm = unified().use(remarkGfm).freeze();
const options = { extensions: gfm.data("micromarkExtensions") ?? [], mdastExtensions: gfm.data("fromMarkdownExtensions") ?? [] };
const whole = (text: string) => fromMarkdown(text, options);

/** Blocks a body is made of, including the ones that must never be cut inside or after. */
const BLOCKS = [
  "A paragraph with *emphasis*, **strong** and a [link](https://example.org/).",
  "Second paragraph\nwith a soft break.",
  "- item one\n- item two",
  "- loose item\n\n- another loose item",
  "1. first\n2. second",
  "3) third",
  "> a quote\n> on two lines",
  "> lazy quote\ncontinued lazily",
  "```\ncode\n\nwith a blank line\n```",
  "~~~~ js\nlet a = 1;\n\n~~~\nstill code\n~~~~",
  "    indented code\n\n    more code",
  "<!-- a comment\n\nthat spans a blank line -->",
  "<pre>\npreformatted\n\n</pre>",
  "<div>\nhtml block\n</div>",
  "| a | b |\n| - | - |\n| 1 | 2 |",
  "## A heading",
  "Setext heading\n===",
  "---",
  "- item\n\n  continued in the item",
  "* star item\n\n* star loose",
  "Text with a footnote[^1].",
  "[^1]: The footnote.\n\n    Indented second paragraph.",
  "[ref]: https://example.org/ref",
  "A [reference][ref] link.",
  "  two-space indented paragraph",
  "Line ending in CRLF\r\nsecond line\r",
  "~~strike~~ and www.example.org autolink",
  "",
];

function cutPoints(text: string): number {
  return chunkMarkdown(text, 1).length;
}

describe("chunkMarkdown", () => {
  it("should parse any document of news blocks in pieces to the same tree as whole", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BLOCKS), { maxLength: 14 }), fc.constantFrom("\n\n", "\n", "\n\n\n"), (blocks, glue) => {
        const text = blocks.join(glue);
        expect(parseInChunks(text, options, 1)).toEqual(whole(text));
      }),
      { seed: 42, numRuns: 600 },
    );
  });

  it("should cut realistic copy often, and parse it to the same tree as one piece", () => {
    const text = newsBody(200_000, 7);
    expect(cutPoints(text)).toBeGreaterThan(100);
    expect(parseInChunks(text, options, 4096)).toEqual(whole(text));
  });

  it("should never cut a text that may hold a reference or footnote definition", () => {
    const text = `${newsBody(20_000, 3)}\n\n[a]: https://example.org/\n`;
    expect(cutPoints(text)).toBe(1);
  });

  it("should never cut inside fenced code, nor before a list item, an indented line or a lazy line", () => {
    const text = ["Intro.", "```", "code", "", "Not a cut", "```", "", "- one", "", "- two", "", "  inside two", "", "After."].join("\n");
    const cuts = chunkMarkdown(text, 1).map((c) => c.text.split("\n")[0]);
    expect(cuts).toEqual(["Intro.", "After."]);
  });
});
