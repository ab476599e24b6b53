import commonmark from "commonmark-spec";
import { fromMarkdown } from "mdast-util-from-markdown";
import remarkGfm from "remark-gfm";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { withUpstreamAttention } from "../../../src/markdown/linear-attention.ts";
import { useLinearStrikethrough } from "../../../src/markdown/linear-strikethrough.ts";
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

// A second GFM instance whose strikethrough construct gets the linear resolver; the first keeps upstream's.
const patched = unified().use(remarkGfm).freeze().data("micromarkExtensions") ?? [];
useLinearStrikethrough(patched);
const linearStrike = (text: string) => fromMarkdown(text, { extensions: patched, mdastExtensions });

/** The two parsers' trees, positions included, over generated soups (more with SOUP_COUNT, others with SOUP_SEED). */
function expectSameOverSoups(ours: (text: string) => unknown, theirs: (text: string) => unknown, seed: number): void {
  const random = mulberry32(Number(process.env.SOUP_SEED ?? seed));
  for (let n = 0; n < Number(process.env.SOUP_COUNT ?? 3000); n++) {
    const text = soup(random, 4 + Math.floor(random() * 40));
    expect(ours(text), JSON.stringify(text)).toEqual(theirs(text));
  }
}

describe("the linear strikethrough resolver", () => {
  it("makes upstream's tree for 3,000 generated delimiter soups", () => expectSameOverSoups(linearStrike, linear, 21));
});

describe("the linear emphasis resolver", () => {
  it("makes micromark's tree for 3,000 generated delimiter soups", () => expectSameOverSoups(linear, upstream, 19));

  it("makes micromark's tree for every CommonMark example", () => {
    for (const example of commonmark.tests) expect(linear(example.markdown), `example ${example.number}`).toEqual(upstream(example.markdown));
  });
});
