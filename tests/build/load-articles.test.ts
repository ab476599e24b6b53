import { describe, expect, it } from "vitest";
import { worthRewriting } from "../../src/load/load-articles.ts";

describe("worthRewriting", () => {
  it("should rewrite the cache when it was ignored, empty, or more than 1% of it is stale", () => {
    expect(worthRewriting(10_000, 9_999, 1, "truncated")).toBe(true);
    expect(worthRewriting(0, 0, 5, undefined)).toBe(true);
    expect(worthRewriting(10_000, 9_999, 1, undefined)).toBe(false);
    expect(worthRewriting(10_000, 9_850, 150, undefined)).toBe(true);
    expect(worthRewriting(10_000, 9_000, 0, undefined)).toBe(true);
    expect(worthRewriting(5, 5, 0, undefined)).toBe(false);
  });
});
