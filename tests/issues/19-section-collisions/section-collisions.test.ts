import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack } from "../18-output-folder/support.ts";
import { article, build, makeSite, treeOf } from "../19-long-names/site.ts";

/**
 * Issue 19 item 9: two sections with one address in site.yaml (`World`,
 * `World!`) gave `internal error: two pages would be written to
 * world/feed.xml`. Each collision of the kind is a site.yaml error naming
 * both, at both places; names that share an address elsewhere (tags,
 * authors, sections only articles name) are one page, as before.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const story = { "world/story.md": article({ title: "Story" }) };

function run(siteYaml: string, files: Record<string, string> = story) {
  const site = makeSite("section-collisions", siteYaml, files);
  roots.push(site.root);
  return { site, run: build(site) };
}

describe("two sections at one address", () => {
  it.each([
    ["punctuation", "  - World\n  - World!\n", "World!", "World", 4, 5, 3, 5, "world"],
    ["case and accents", "  - Économie\n  - World\n  - ECONOMIE\n", "ECONOMIE", "Économie", 5, 5, 3, 5, "economie"],
    ["a slug", "  - World\n  - title: Planet\n    slug: world\n", "Planet", "World", 5, 11, 3, 5, "world"],
    ["a slug and a title", "  - title: Globe\n    slug: Earth\n  - Earth\n", "Earth", "Globe", 5, 5, 4, 11, "earth"],
  ])("should refuse %s as a site.yaml error naming both", (_, sections, second, first, line, column, firstLine, firstColumn, slug) => {
    const { site, run: result } = run(`name: Twins\nsections:\n${sections}`);
    expect(hasStack(result.stderr), result.stderr).toBe(false);
    expect(result.status).toBe(1);
    const at = `${path.join(site.root, "site.yaml")}:${line}:${column}`;
    expect(result.stderr).toContain(
      `${at}  error  section-duplicate  The section \`${second}\` would live at \`/${slug}/\`, like the section \`${first}\` at line ${firstLine}, column ${firstColumn}.`,
    );
    expect(treeOf(site.root)).not.toContain("out");
  });

  it("should refuse a section at the address of the site's own pages, the sections index included", () => {
    for (const name of ["Search", "Tags!", "authors", "Sections"]) {
      const { run: result } = run(`name: Own\nsections:\n  - World\n  - ${name}\n`);
      expect(hasStack(result.stderr), result.stderr).toBe(false);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/site\.yaml:4:5 +error +section-reserved/);
    }
  });

  it("should keep one page for names that share an address: tags, authors, sections articles name", () => {
    const { site, run: result } = run("name: Merged\nsections:\n  - World\n", {
      "world/one.md": article({ title: "One", tags: ["Kabul", "kabul!"], author: "Farida Noori", section: "Culture" }),
      "world/two.md": article({ title: "Two", tags: ["KABUL"], author: "farida noori", section: "culture!" }),
    });
    expect(hasStack(result.stderr), result.stderr).toBe(false);
    expect(result.status, result.stderr).toBe(0);
    const tree = treeOf(site.out);
    expect(tree.filter((p) => /^tags\/[^/]+\/index\.html$/.test(p))).toEqual(["tags/kabul/index.html"]);
    expect(tree.filter((p) => /^authors\/[^/]+\/index\.html$/.test(p))).toEqual(["authors/farida-noori/index.html"]);
    expect(readFileSync(path.join(site.out, "culture/index.html"), "utf8")).toContain('href="/culture/one/"');
  });
});
