import { afterAll, describe, expect, it } from "vitest";
import { article, jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 18 item 6: a YAML tag outside the core schema (`!!js/function`,
 * `!!python/object`, `!foo`, `!!binary`, `!!timestamp`, `!!set`…) was read
 * silently as text (or, for some, turned into bytes, dates or sets). Each is
 * refused with a positioned `yaml-tag` error naming the field, in articles
 * and in site.yaml, at any depth.
 */
const sites: Site[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

function check(files: Record<string, string>) {
  const site = makeSite(files);
  sites.push(site);
  const result = site.check("json");
  return { result, diagnostics: jsonDiagnostics(result) };
}

describe("YAML tags outside the core schema", () => {
  it("refuses each tag with a yaml-tag error at the tag, naming the field's key path", () => {
    const { result, diagnostics } = check({
      "content/national/tagged.md": [
        "---",
        'title: !!js/function "function () { return 1 }"',
        "date: 2026-10-14T09:30:00+04:30",
        "summary: !foo some text",
        "tags:",
        "  - plain",
        "  - !!python/object:os.system rm",
        "image:",
        "  src: photo.jpg",
        "  caption: !!binary aGVsbG8=",
        "check_also:",
        "  - title: Other",
        "    url: !<tag:example.com,2000:url> https://example.org/",
        "author: !!timestamp 2001-12-14",
        "---",
        "Body.",
        "",
      ].join("\n"),
    });
    expect(result.status).toBe(1);
    const tags = diagnostics.filter((d) => d.rule === "yaml-tag");
    const at = (field: string) => tags.find((d) => d.message.includes(`\`${field}\``));
    expect(at("title")).toMatchObject({ line: 2, column: 8, severity: "error" });
    expect(at("title")?.message).toContain("!!js/function");
    expect(at("summary")).toMatchObject({ line: 4, column: 10 });
    expect(at("summary")?.message).toContain("!foo");
    expect(at("tags[1]")).toMatchObject({ line: 7, column: 5 });
    expect(at("tags[1]")?.message).toContain("!!python/object:os.system");
    expect(at("image.caption")).toMatchObject({ line: 10, column: 12 });
    expect(at("check_also[0].url")).toMatchObject({ line: 13, column: 10 });
    expect(at("author")).toMatchObject({ line: 14, column: 9 });
    expect(tags).toHaveLength(6);
    for (const d of tags) {
      expect(d.file).toMatch(/tagged\.md$/);
      expect(d.hint).toMatch(/remove the tag/i);
      expect(d.hint).toMatch(/quote/i);
    }
  });

  it("refuses a tag on a key, on a list or mapping, and in site.yaml", () => {
    const { result, diagnostics } = check({
      "site.yaml": "name: !!python/name:builtins.eval News\nsections: !!set { National }\n",
      "content/national/keyed.md": article("!weird tags: [a]\ncorrections: !!omap\n  - date: 2026-10-15T09:00:00+04:30\n"),
    });
    expect(result.status).toBe(1);
    const tags = diagnostics.filter((d) => d.rule === "yaml-tag");
    const site = tags.filter((d) => d.file.endsWith("site.yaml"));
    expect(site.map((d) => [d.line, d.column])).toEqual([
      [1, 7],
      [2, 11],
    ]);
    expect(site[0]?.message).toContain("`name`");
    expect(site[1]?.message).toContain("`sections`");
    const keyed = tags.filter((d) => d.file.endsWith("keyed.md"));
    expect(keyed.map((d) => [d.line, d.column])).toEqual([
      [4, 1],
      [5, 14],
    ]);
    expect(keyed[0]?.message).toContain("`tags`");
    expect(keyed[1]?.message).toContain("`corrections`");
  });

  it("keeps accepting the core schema's own tags", () => {
    const { result, diagnostics } = check({
      "content/national/core.md": article('summary: !!str 2026\ntags: !!seq [!!str a, b]\ndraft: !!bool false\nimage: !!map { src: !!str photo.jpg, alt: "x" }'),
    });
    expect(diagnostics.filter((d) => d.rule === "yaml-tag")).toEqual([]);
    // The picture is missing; nothing else is wrong.
    expect(diagnostics.map((d) => d.rule)).toEqual(["image-missing"]);
    expect(result.status).toBe(1);
  });
});
