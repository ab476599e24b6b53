import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trimSummary } from "../../../src/text/display.ts";
import { article, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21: the editor's summary is a standfirst under the headline; a card's
 * automatic summary ends where a sentence ends, and only a first paragraph
 * that is one long sentence is cut (at a clause, else a word) and marked "…".
 */
describe("automatic summaries end at a sentence boundary", () => {
  const long = (n: number): string => "word ".repeat(n).trim();

  it("keeps whole sentences that fit and drops the one that does not", () => {
    const text = `The first sentence is short. The second sentence is here too! ${long(60)}.`;
    expect(trimSummary(text)).toBe("The first sentence is short. The second sentence is here too!");
  });

  it("does not end a sentence at an abbreviation, an initial or a decimal", () => {
    const text = `Dr. Ahmad Shah met U.S. envoy J. K. Miller on Monday, and prices rose 3.5 per cent in Kabul. ${long(40)}.`;
    expect(trimSummary(text)).toBe("Dr. Ahmad Shah met U.S. envoy J. K. Miller on Monday, and prices rose 3.5 per cent in Kabul.");
    const mr = `Mr. Karimi said the talks would resume in Herat. ${long(40)}.`;
    expect(trimSummary(mr)).toBe("Mr. Karimi said the talks would resume in Herat.");
  });

  it("ends at Dari and Pashto full stops and question marks", () => {
    const dari = `سیلاب‌ها در بغلان صدها خانواده را بی‌جا کرد۔ ${"کلمه ".repeat(60).trim()}۔`;
    expect(trimSummary(dari)).toBe("سیلاب‌ها در بغلان صدها خانواده را بی‌جا کرد۔");
    const question = `آیا کمک‌ها به موقع می‌رسند؟ ${"کلمه ".repeat(60).trim()}؟`;
    expect(trimSummary(question)).toBe("آیا کمک‌ها به موقع می‌رسند؟");
  });

  it("keeps a closing quote with its sentence", () => {
    const text = `"We have nothing left," she said. ${long(60)}.`;
    expect(trimSummary(text)).toBe(`"We have nothing left," she said.`);
  });

  it("cuts one long sentence at a clause, else at a word, and marks the cut", () => {
    const clause = `${long(25)}, ${long(20)} ${long(30)}.`;
    const cut = trimSummary(clause);
    expect(cut).toBe(`${long(25)}…`);
    const words = `${"abcdefghi ".repeat(40).trim()}.`;
    const byWord = trimSummary(words);
    expect(byWord.endsWith("abcdefghi…")).toBe(true);
    expect(byWord.length).toBeLessThanOrEqual(201);
  });

  it("never cuts mid-word and leaves short text alone", () => {
    expect(trimSummary("A short paragraph without a full stop")).toBe("A short paragraph without a full stop");
    for (let n = 30; n < 80; n += 7) {
      const text = `${"lorem ipsum dolor ".repeat(n)}`;
      const cut = trimSummary(text);
      expect(cut.length).toBeLessThanOrEqual(201);
      expect(
        cut
          .replace(/…$/, "")
          .split(" ")
          .every((w) => ["lorem", "ipsum", "dolor"].includes(w)),
      ).toBe(true);
    }
  });
});

describe("the editor's summary is the standfirst on the article page", () => {
  let site: Site;
  beforeAll(() => {
    site = makeSite({
      "content/national/with-summary.md": article("summary: Families wait for aid as the water recedes.", "The first paragraph of the body. More text."),
      "content/national/without-summary.md": article("", "Only a body paragraph here. It says more."),
    });
    expect(site.build().status).toBe(0);
  });
  afterAll(() => site.remove());

  it("shows the summary under the headline", () => {
    const page = site.outputs().get("national/with-summary/index.html") ?? "";
    expect(page).toMatch(/<\/h1>\s*<p class="standfirst"[^>]*>Families wait for aid as the water recedes\.<\/p>/);
  });

  it("shows no standfirst made from the body", () => {
    const page = site.outputs().get("national/without-summary/index.html") ?? "";
    expect(page).not.toContain("standfirst");
  });
});
