import spec from "commonmark-spec";
import { describe, expect, it } from "vitest";
import { renderBody } from "../../src/markdown/processor.ts";
import { normalizeHtml } from "../support/normalize-html.ts";

/**
 * Every example of the CommonMark spec through our body pipeline, all
 * transforms on. Each exception is listed with its reason; an exception that
 * starts passing fails the test too, so the list stays exact.
 */
interface Example {
  readonly markdown: string;
  readonly html: string;
  readonly section: string;
  readonly number: number;
}

const examples: Example[] = spec.tests.map((t) => ({
  ...t,
  // The spec shows tabs as →.
  markdown: t.markdown.replaceAll("→", "\t"),
  html: t.html.replaceAll("→", "\t"),
}));

/** Body headings move down a level when the body uses `#` (remark-demote-headings): the headline is the page's only h1. */
const DEMOTED = [10, 62, 66, 67, 68, 72, 75, 76, 78, 79, 80, 81, 82, 83, 84, 115, 141, 214, 215, 227, 228, 229, 230, 232, 300];

/** Raw HTML in a body is dropped by the sanitizer (remark-html with `sanitize`): editors' and wires' HTML never reaches the page. */
const RAW_HTML = [
  21, 31, 148, 149, 150, 151, 152, 153, 154, 155, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 180, 184, 185,
  186, 187, 188, 189, 190, 191, 201, 344, 475, 476, 477, 491, 494, 524, 536, 613, 614, 615, 616, 617, 623, 625, 626, 627, 628, 629, 630, 631, 642, 643,
];

/** Links and images keep only http(s), mailto and relative targets (remark-safe-urls); these use, or look like, other schemes. */
const UNSAFE_URL = [500, 596, 598, 599, 601];

/** GFM autolink literals (remark-gfm) link bare URLs and e-mail addresses, as readers expect. */
const GFM_AUTOLINK = [602, 606, 608, 611, 612];

/** Pictures load lazily, and one alone in its paragraph becomes a figure with its title as caption (remark-images). */
const PICTURES = [517, 520, 531, 572, 574, 575, 578, 579, 580, 581];

/**
 * Straight quotes, `--`, ` - ` and `...` become typographers' quotes, dashes and ellipses in text (remark-typography);
 * with typography off, these render as the spec says.
 */
const TYPOGRAPHY = [14, 46, 55, 87, 91, 197, 209, 210, 238, 312, 343, 352, 359, 363, 380, 385, 395, 508, 590, 619, 620, 622, 624, 626, 632, 650];

const EXCEPTIONS = new Map<number, string>([
  ...TYPOGRAPHY.map((n) => [n, "typography"] as const),
  ...PICTURES.map((n) => [n, "pictures lazy, or figures"] as const),
  ...DEMOTED.map((n) => [n, "demoted headings"] as const),
  ...RAW_HTML.map((n) => [n, "raw HTML sanitized"] as const),
  ...UNSAFE_URL.map((n) => [n, "unsafe URL scheme"] as const),
  ...GFM_AUTOLINK.map((n) => [n, "GFM autolink literal"] as const),
]);

const demote = (html: string): string => html.replace(/<(\/?)h([1-6])/g, (_, slash: string, depth: string) => `<${slash}h${Math.min(6, Number(depth) + 1)}`);

describe("CommonMark spec 0.31.2", () => {
  it("should have all its examples", () => {
    expect(examples.length).toBe(652);
  });

  for (const example of examples) {
    const reason = EXCEPTIONS.get(example.number);
    const name = `should render example ${example.number} (${example.section})${reason ? `, except: ${reason}` : ""}`;
    it(name, () => {
      const actual = normalizeHtml(renderBody(example.markdown).html);
      const expected = normalizeHtml(example.html);
      if (reason === undefined) {
        expect(actual).toBe(expected);
      } else if (reason === "demoted headings") {
        // Everything but the heading levels must still match.
        expect(actual).not.toBe(expected);
        expect(actual).toBe(normalizeHtml(demote(example.html)));
      } else if (reason === "typography") {
        expect(actual).not.toBe(expected);
        expect(normalizeHtml(renderBody(example.markdown, { typography: false }).html)).toBe(expected);
      } else {
        expect(actual).not.toBe(expected);
      }
    });
  }
});
