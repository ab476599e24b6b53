import { describe, expect, it } from "vitest";
import { scriptJson } from "../../src/site/json-ld.ts";

describe("scriptJson", () => {
  it("should leave nothing that can end a script element or trip an old parser, and parse back to the same value", () => {
    const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028 \u2029 — “Kabul”", n: 3 };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(json).toContain("\\u2028");
    expect(JSON.parse(json)).toEqual(value);
  });

  it("should be plain JSON when there is nothing to escape", () => {
    expect(scriptJson({ a: "KABUL – floods" })).toBe(JSON.stringify({ a: "KABUL – floods" }));
  });
});
