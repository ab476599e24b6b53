import commonmark from "commonmark-spec";
import { fromMarkdown } from "mdast-util-from-markdown";
import remarkGfm from "remark-gfm";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { withUpstreamTextMerge } from "../../../src/markdown/linear-text-merge.ts";
import { mulberry32 } from "../../support/random.ts";

/**
 * Issue 19 item 2: merging adjacent data tokens in one pass must make exactly
 * the tree micromark's own merge makes, positions included, over soups of the
 * pieces that leave data tokens side by side (failed links, images, task
 * boxes, references, escapes, trailing spaces) and the CommonMark suite.
 */
const gfm = unified().use(remarkGfm).freeze();
const extensions = gfm.data("micromarkExtensions") ?? [];
const mdastExtensions = gfm.data("fromMarkdownExtensions") ?? [];
const linear = (text: string) => fromMarkdown(text, { extensions, mdastExtensions });
const upstream = (text: string) => withUpstreamTextMerge(() => linear(text));

const PIECES = [
  "[",
  "]",
  "(",
  ")",
  "![",
  "](",
  "[a](",
  "- [ ] ",
  "[x] ",
  "a",
  "b",
  " ",
  "  ",
  "\\",
  "&amp;",
  "&x",
  "\n",
  "\n\n",
  "*",
  "~",
  "<",
  "`",
  '"',
  "[a]: b\n",
  "www.",
  "@",
];

describe("the linear data merge", () => {
  it("makes micromark's tree for 3,000 generated soups", () => {
    const random = mulberry32(Number(process.env.SOUP_SEED ?? 23));
    for (let n = 0; n < Number(process.env.SOUP_COUNT ?? 3000); n++) {
      let text = "";
      for (let i = 4 + Math.floor(random() * 40); i > 0; i--) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(linear(text), JSON.stringify(text)).toEqual(upstream(text));
    }
  });

  it("makes micromark's tree for every CommonMark example", () => {
    for (const example of commonmark.tests) expect(linear(example.markdown), `example ${example.number}`).toEqual(upstream(example.markdown));
  });
});
