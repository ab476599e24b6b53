import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputFile } from "../../src/io/output-file.ts";

describe("outputFile", () => {
  const out = path.resolve("/tmp/site-out");

  it("should place a site path inside the output folder", () => {
    expect(outputFile(out, "national/floods/photo-800.avif")).toBe(path.join(out, "national", "floods", "photo-800.avif"));
    expect(outputFile(out, "world/a b/*.png")).toBe(path.join(out, "world", "a b", "*.png"));
    // A leading slash is the site's root, not the machine's.
    expect(outputFile(out, "/etc/passwd")).toBe(path.join(out, "etc", "passwd"));
  });

  it("should refuse anything that would land outside it, or be the folder itself", () => {
    for (const rel of ["../evil.svg", "a/../../evil", "/../evil", "", "."]) {
      expect(() => outputFile(out, rel), rel).toThrow(/outside the output folder/);
    }
  });
});
