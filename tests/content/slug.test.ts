import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "../../src/content/slug.ts";
import { directionOf, trimSummary } from "../../src/text/display.ts";

describe("slugs", () => {
  it("should accept lowercase words joined by hyphens, in any script", () => {
    expect(isSlug("aid-convoys-reach-baghlan")).toBe(true);
    expect(isSlug("کابل-خبر")).toBe(true);
    expect(isSlug("Aid")).toBe(false);
    expect(isSlug("a--b")).toBe(false);
    expect(isSlug("a b")).toBe(false);
    expect(isSlug("cafe\u0301")).toBe(false); // not NFC
  });

  it("should refuse characters that display as nothing, and drop them from proposals", () => {
    expect(isSlug("\u115f")).toBe(false); // Hangul choseong filler: a letter, but invisible
    expect(isSlug("a\u200db")).toBe(false);
    expect(slugify("\u115f")).toBe("");
    expect(slugify("می\u200cخواهم")).toBe("میخواهم");
  });

  it("should propose a slug from a title", () => {
    expect(slugify("Trade & Transit!")).toBe("trade-transit");
    expect(slugify("Économie du Sud")).toBe("economie-du-sud");
    expect(slugify("  World  ")).toBe("world");
    expect(slugify("Floods return to Baghlan's villages")).toBe("floods-return-to-baghlans-villages");
    expect(slugify("O’Brien says 'no'")).toBe("obrien-says-no");
  });
});

describe("text helpers", () => {
  it("should trim summaries at a word boundary", () => {
    const long = "word ".repeat(60);
    const s = trimSummary(long, 50);
    expect(s.length).toBeLessThanOrEqual(51);
    expect(s.endsWith("word…")).toBe(true);
    expect(trimSummary("Short one.")).toBe("Short one.");
  });

  it("should know right-to-left languages", () => {
    expect(directionOf("ps")).toBe("rtl");
    expect(directionOf("fa-AF")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
    expect(directionOf("ku")).toBe("ltr");
    expect(directionOf("ku-Arab")).toBe("rtl");
  });
});
