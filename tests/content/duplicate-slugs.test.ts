import { describe, expect, it } from "vitest";
import { findDuplicateSlugs } from "../../src/content/duplicate-slugs.ts";
import { articleFile } from "../support/article-file.ts";

describe("findDuplicateSlugs", () => {
  it("should report the same slug in two sections on the later file", () => {
    const r = findDuplicateSlugs([articleFile("same", "world"), articleFile("same", "national")]);
    expect(r.unique.map((f) => f.display)).toEqual(["content/national/same.md"]);
    expect(r.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`)).toEqual([
      "content/world/same.md slug-duplicate The slug `same` is also used by `content/national/same.md`.",
    ]);
  });

  it("should catch slugs that differ only by case or Unicode normalization", () => {
    const r = findDuplicateSlugs([
      articleFile("floods", "national"),
      articleFile("Floods", "world"),
      articleFile("caf\u00e9", "national"),
      articleFile("cafe\u0301", "world"),
    ]);
    expect(r.diagnostics.map((d) => d.file)).toEqual(["content/world/Floods.md", "content/world/cafe\u0301.md"]);
  });
});
