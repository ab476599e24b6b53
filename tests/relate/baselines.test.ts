import { describe, expect, it } from "vitest";
import { tagsThenNewest, tfidfCosine } from "../../src/relate/baselines.ts";
import type { RelateInput } from "../../src/relate/engine.ts";

const rec = (slug: string, tags: string[], day: number, text = "", exclude: string[] = []): RelateInput => ({
  slug,
  title: slug,
  text: [text],
  tags,
  language: "en",
  section: "n",
  outlet: "o",
  epoch: Date.UTC(2026, 9, day),
  exclude,
  hasCheckAlso: exclude.length > 0,
});

describe("baselines", () => {
  it("should rank by shared tags, then newest, never itself or excluded slugs", () => {
    const picks = tagsThenNewest(
      [rec("a", ["floods", "Baghlan"], 1, "", ["x"]), rec("b", ["floods", "baghlan"], 2), rec("c", ["floods"], 9), rec("d", [], 3), rec("x", ["floods"], 4)],
      4,
    );
    expect(picks.get("a")).toEqual(["b", "c"]);
  });

  it("should rank by TF-IDF cosine of the text", () => {
    const picks = tfidfCosine(
      [
        rec("a", [], 1, "convoys reached nahrin district flooding"),
        rec("b", [], 2, "nahrin district flooding worsened"),
        rec("c", [], 3, "cricket final in sharjah"),
      ],
      2,
    );
    expect(picks.get("a")).toEqual(["b"]);
  });
});
