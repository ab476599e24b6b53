import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findArticleFiles } from "../../src/content/find-files.ts";

const root = mkdtempSync(path.join(tmpdir(), "find-files-"));
const put = (rel: string, text = "x"): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
put("world/summit.md");
put("national/floods/index.md");
put("national/floods/photo.jpg");
put("top-level.md");
put("_drafts/idea.md");
put(".hidden.md");
put("README.md");
put("sport/deep/too/far.md");
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("findArticleFiles", () => {
  it("should find articles and bundles, skip drafts folders, dotfiles and READMEs, and sort them", async () => {
    const { articles, diagnostics } = await findArticleFiles(root, "content");
    expect(articles.map((a) => [a.display, a.name, a.sectionFolder ?? null, a.assets])).toEqual([
      ["content/national/floods/index.md", "floods", "national", ["photo.jpg"]],
      ["content/top-level.md", "top-level", null, []],
      ["content/world/summit.md", "summit", "world", []],
    ]);
    expect(diagnostics.map((d) => `${d.file} ${d.rule}`)).toEqual(["content/sport/deep/too/far.md file-nesting"]);
  });
});
