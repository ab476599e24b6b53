import { describe, expect, it } from "vitest";
import { searchText } from "../../public/search/normalize.js";
import { searchableDocument } from "../../src/search/searchable.ts";

/** Issue 22: a reader's keyboard does not decide what the search finds (Arabic and Persian letters, joiners, digits). */
describe("searchText", () => {
  it("spells Arabic yeh and kaf as Persian, and drops joiners, tatweel and short vowels", () => {
    expect(searchText("مقام\u200cهاي")).toBe("مقامهای");
    expect(searchText("كابل")).toBe("کابل");
    expect(searchText("موسى")).toBe("موسی");
    expect(searchText("كـــابل")).toBe("کابل");
    expect(searchText("مُحَمَّد")).toBe("محمد");
    expect(searchText("سیلاب‌های")).toBe(searchText("سيلابهاي"));
  });

  it("writes Persian and Eastern Arabic digits as 0-9", () => {
    expect(searchText("۱۴ تن، ٢٠٢٦")).toBe("14 تن، 2026");
  });

  it("leaves every other text as it is", () => {
    const text = "Floods in Baghlan: 14 killed — “we had minutes” (AT News) ñ ü 中文 ‏";
    expect(searchText(text)).toBe(text);
  });
});

describe("the documents the search indexes", () => {
  it("respell the text of a page but keep its tags and attributes as written", () => {
    const html =
      '<!doctype html><html lang="fa-AF" dir="rtl"><body><article data-pagefind-body data-pagefind-meta="title[data-title]" data-title="سیلاب‌های بغلان"><h1>سیلاب‌های بغلان</h1><p>دست‌کم ۱۴ تن</p></article></body></html>';
    expect(searchableDocument(html, "fa.html")).toBe(
      '<!doctype html>\n<html lang="fa-AF" dir="rtl"><head></head><body><article data-pagefind-body data-pagefind-meta="title[data-title]" data-title="سیلاب‌های بغلان"><h1>سیلابهای بغلان</h1><p>دستکم 14 تن</p></article></body></html>\n',
    );
  });
});
