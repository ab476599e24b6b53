import { describe, expect, it } from "vitest";
import { relateByTags } from "../../src/relate/simple.ts";

const rec = (slug: string, section: string, tags: string[], day: number, exclude: string[] = []) => ({
  slug,
  section,
  tags,
  epoch: Date.UTC(2026, 9, day),
  exclude,
});

describe("relateByTags", () => {
  it("should rank by shared tags, then same section, then newest, then slug", () => {
    const picks = relateByTags(
      [
        rec("a", "n", ["floods", "Baghlan"], 1),
        rec("b", "n", ["floods", "baghlan"], 2),
        rec("c", "w", ["floods"], 9),
        rec("d", "n", [], 3),
        rec("e", "w", [], 8),
        rec("f", "w", [], 8),
      ],
      4,
    );
    expect(picks.get("a")).toEqual(["b", "c", "d", "e"]);
  });

  it("should never pick the article itself or its Check Also targets", () => {
    const picks = relateByTags([rec("a", "n", ["x"], 1, ["b"]), rec("b", "n", ["x"], 2), rec("c", "n", [], 3)], 5);
    expect(picks.get("a")).toEqual(["c"]);
  });
});
