import { describe, expect, it } from "vitest";
import { inParallel } from "../../src/build/in-parallel.ts";
import { worthRewriting } from "../../src/build/load-articles.ts";

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

describe("inParallel", () => {
  it("should keep the order of the input whatever order the calls finish in, with at most `limit` pending", async () => {
    let pending = 0;
    let most = 0;
    const out = await inParallel([5, 1, 4, 2, 3, 0], 3, async (n) => {
      pending++;
      most = Math.max(most, pending);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      pending--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });
});
