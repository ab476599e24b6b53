import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack } from "../18-output-folder/support.ts";
import { article, build, makeSite } from "../19-long-names/site.ts";

/**
 * Issue 19 item 10: every page listed every section, so the site grew as
 * sections × pages (77 KB an article page at 1,000 sections). The masthead
 * lists a few (site.yaml `navigation`, else the first sections in site.yaml
 * order) and links to `/sections/`, which lists them all.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function siteOf(sections: number, extra = "") {
  const names = Array.from({ length: sections }, (_, i) => `Section number ${String(i + 1).padStart(4, "0")}`);
  const site = makeSite(`sections-${sections}`, `name: Many\nsections:\n${names.map((n) => `  - ${n}\n`).join("")}${extra}`, {
    "section-number-0001/the-story.md": article({ title: "The story", tags: ["Kabul"] }),
    "section-number-0001/another-story.md": article({ title: "Another story", date: "2026-01-02T10:00:00Z" }),
  });
  roots.push(site.root);
  return { site, names, run: build(site) };
}

const links = (html: string, list: string): string[] =>
  [...(html.match(new RegExp(`<${list}[^>]*>.*?</${list.split(" ")[0]}>`, "s"))?.[0] ?? "").matchAll(/<a href="([^"]+)"/g)].map((m) => m[1] ?? "");

describe("navigation of a site with many sections", () => {
  const small = siteOf(10);
  const large = siteOf(1000);

  it("should build both", () => {
    for (const { run } of [small, large]) {
      expect(hasStack(run.stderr), run.stderr).toBe(false);
      expect(run.status, run.stderr).toBe(0);
    }
  });

  it("should keep an article page about the same size at 1,000 sections as at 10", () => {
    const page = (site: { out: string }) => statSync(path.join(site.out, "section-number-0001/the-story/index.html")).size;
    expect(page(large.site) / page(small.site)).toBeLessThan(1.2);
    const front = (site: { out: string }) => statSync(path.join(site.out, "index.html")).size;
    expect(front(large.site) / front(small.site)).toBeLessThan(1.2);
  });

  it("should list the first sections in site.yaml order in the masthead, and link to all", () => {
    const html = readFileSync(path.join(large.site.out, "section-number-0001/the-story/index.html"), "utf8");
    const masthead = links(html, 'nav class="sections-nav"');
    expect(masthead.at(-1)).toBe("/sections/");
    expect(masthead.slice(0, -1)).toEqual(large.names.slice(0, masthead.length - 1).map((_, i) => `/section-number-${String(i + 1).padStart(4, "0")}/`));
    expect(masthead.length).toBeLessThan(40);
  });

  it("should list every section on /sections/, in site.yaml order", () => {
    const html = readFileSync(path.join(large.site.out, "sections/index.html"), "utf8");
    const all = links(html, "main");
    expect(all).toEqual(large.names.map((_, i) => `/section-number-${String(i + 1).padStart(4, "0")}/`));
  });
});

describe("site.yaml navigation", () => {
  it("should list the sections it names, by title or slug, in its order", () => {
    const { site, run } = siteOf(5, "navigation:\n  - Section number 0004\n  - section-number-0002\n");
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(path.join(site.out, "index.html"), "utf8");
    expect(links(html, 'nav class="sections-nav"')).toEqual(["/section-number-0004/", "/section-number-0002/", "/sections/"]);
  });

  it("should refuse a section it names that site.yaml does not list, at its line", () => {
    const { run } = siteOf(3, "navigation:\n  - Section number 0002\n  - Section numbr 0003\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/site\.yaml:8:5 +error +navigation-unknown +`navigation` names `Section numbr 0003`.*Did you mean `Section number 0003`\?/);
  });
});
