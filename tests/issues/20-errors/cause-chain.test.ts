import { describe, expect, it } from "vitest";
import { internalError } from "../../../src/cli/failure.ts";
import { RenderError } from "../../../src/eleventy/render-error.ts";

/** Issue 20 item 4: an internal error prints every error of its chain, each with its stack, none lost. */
describe("internalError", () => {
  it("should print the error, then each cause below it with its own stack", () => {
    const root = new RangeError("offset 12 is past the end");
    const middle = new Error("reading the body of content/a.md failed", { cause: root });
    const top = new RenderError({ template: "templates/article.11ty.tsx", url: "/a/b/", source: "content/a.md" }, middle);
    expect(top.cause).toBe(middle);
    const text = internalError(top);
    expect(text.startsWith("internal error: templates/article.11ty.tsx failed to render /a/b/ (from content/a.md): reading the body of content/a.md failed\n")).toBe(
      true,
    );
    const causeAt = text.indexOf("Caused by: Error: reading the body of content/a.md failed");
    const rootAt = text.indexOf("Caused by: RangeError: offset 12 is past the end");
    expect(causeAt).toBeGreaterThan(0);
    expect(rootAt).toBeGreaterThan(causeAt);
    // Each with its stack's frames.
    expect(text.slice(rootAt)).toMatch(/\n\s+at /);
  });

  it("should name a page without an article file, and a thrown value that is not an Error", () => {
    const error = new RenderError({ template: "templates/list.11ty.tsx", url: "/tags/x/", source: undefined }, "a string");
    expect(error.message).toBe("templates/list.11ty.tsx failed to render /tags/x/: a string");
    expect(internalError(error)).toContain("Caused by: a string");
  });

  it("should stop at a cycle of causes", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    const text = internalError(b);
    expect(text.match(/Caused by/g)?.length).toBe(1);
  });
});
