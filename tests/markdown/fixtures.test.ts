import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatHuman } from "../../src/diagnostics/reporter.ts";
import { parseArticle } from "../../src/load/load-article.ts";
import { articleFile } from "../support/article-file.ts";

/**
 * One folder per case: `input.md` (a whole article) → `output.html` (its body)
 * and, when the article draws warnings, `diagnostics.txt` (as the reporter prints them).
 * Add a case by adding a folder; regenerate with `npx vitest run -u` and read the diff.
 */
const EMBED_HOSTS = ["www.youtube-nocookie.com"];
const root = path.join(import.meta.dirname, "..", "fixtures");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("body fixtures", () => {
  it("should have cases", () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  for (const name of cases) {
    it(`should render ${name}`, async () => {
      const input = readFileSync(path.join(root, name, "input.md"), "utf8");
      const result = parseArticle(input, articleFile(name), "UTC", EMBED_HOSTS);
      await expect(result.article?.body.html.read()).toMatchFileSnapshot(path.join(root, name, "output.html"));
      const report = result.diagnostics.length === 0 ? "" : formatHuman(result.diagnostics, new Map([[`content/world/${name}.md`, input]]));
      if (report !== "" || existsSync(path.join(root, name, "diagnostics.txt"))) {
        await expect(report).toMatchFileSnapshot(path.join(root, name, "diagnostics.txt"));
      }
    });
  }
});
