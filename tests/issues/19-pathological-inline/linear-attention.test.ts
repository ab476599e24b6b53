import { fromMarkdown } from "mdast-util-from-markdown";
import remarkGfm from "remark-gfm";
import { unified } from "unified";
import commonmark from "commonmark-spec";
import { describe, expect, it } from "vitest";
import { withUpstreamAttention } from "../../../src/markdown/linear-attention.ts";
import { mulberry32 } from "../../support/random.ts";

/**
 * Issue 19 item 2: the linear emphasis resolver must make exactly the tree
 * micromark's own makes, positions included: over delimiter soups (every mix
 * of runs, flanking, the rule of three, links, code, strikethrough) and the
 * CommonMark suite.
 */
const gfm = unified().use(remarkGfm).freeze();
const extensions = gfm.data("micromarkExtensions") ?? [];
const mdastExtensions = gfm.data("fromMarkdownExtensions") ?? [];
const linear = (text: string) => fromMarkdown(text, { extensions, mdastExtensions });
const upstream = (text: string) => withUpstreamAttention(() => linear(text));

const PIECES = ["*", "**", "***", "_", "__", "a", "b", " ", "  ", ".", ",", "~", "~~", "[", "]", "](x)", "`", "\\", "\n", "\n\n", "> ", "- ", "<b>", "!["];

function soup(random: () => number, size: number): string {
  let text = "";
  for (let i = 0; i < size; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe("the linear emphasis resolver", () => {
  it("makes micromark's tree for 3,000 generated delimiter soups", () => {
    const random = mulberry32(Number(process.env.SOUP_SEED ?? 19));
    for (let n = 0; n < Number(process.env.SOUP_COUNT ?? 3000); n++) {
      const text = soup(random, 4 + Math.floor(random() * 40));
      expect(linear(text), JSON.stringify(text)).toEqual(upstream(text));
    }
  });

  it("makes micromark's tree for every CommonMark example", () => {
    for (const example of commonmark.tests) expect(linear(example.markdown), `example ${example.number}`).toEqual(upstream(example.markdown));
  });
});
