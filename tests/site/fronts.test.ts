import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../../src/content/site-config.ts";
import { parseArticle } from "../../src/load/load-article.ts";
import { buildSite } from "../../src/site/build-site.ts";
import type { ListPage } from "../../src/site/view.ts";
import { articleFile } from "../support/article-file.ts";
import { loaded } from "../support/loaded.ts";

const CONFIG: SiteConfig = {
  ...DEFAULT_SITE_CONFIG,
  sections: ["national", "world", "sport"].map((slug) => ({ slug, title: slug[0]?.toUpperCase() + slug.slice(1), description: undefined })),
  homeFeatured: 2,
};
const NOW = Date.parse("2026-11-24T12:00:00+04:30");
const story = (slug: string, section: string, day: number, extra = "") =>
  loaded(slug, section, `title: ${slug}\ndate: 2026-11-${String(day).padStart(2, "0")}T09:00:00+04:30${extra === "" ? "" : `\n${extra}`}`, "Text.");

function shape(articles: Parameters<typeof buildSite>[0]["articles"], now = NOW) {
  const built = buildSite({ articles, config: CONFIG, now });
  const home = built.site.front.home;
  const section = (slug: string) => built.pages.find((p) => p.url === `/${slug}/`)?.view() as ListPage;
  return {
    lead: home.lead?.slug,
    featured: home.featured.map((c) => c.slug),
    blocks: home.sections.map((s) => [s.section.slug, s.articles.map((c) => c.slug)]),
    section,
    rules: built.diagnostics.map((d) => `${d.file}:${d.position.line} ${d.rule}`),
    messages: built.diagnostics.map((d) => d.message),
    next: built.site.nextScheduled,
  };
}

describe("the fronts editors shape", () => {
  const plain = [story("n1", "national", 20), story("n2", "national", 19), story("w1", "world", 18), story("s1", "sport", 17), story("w2", "world", 16)];

  it("leads with the newest and features the newest of other sections by default", () => {
    const s = shape(plain);
    expect([s.lead, s.featured, s.blocks]).toEqual([
      "n1",
      ["w1", "s1"],
      [
        ["national", ["n2"]],
        ["world", ["w2"]],
      ],
    ]);
    expect(s.rules).toEqual([]);
  });

  it("leads with an older story marked `front: lead` until its pin ends, and counts the pin's end as the next change", () => {
    const pinned = [...plain.slice(0, 4), story("w2", "world", 16, "front: lead\npin_until: 2026-11-25T09:00:00+04:30")];
    const s = shape(pinned);
    expect([s.lead, s.featured]).toEqual(["w2", ["n1", "s1"]]);
    expect(s.next).toMatchObject({ file: "content/world/w2.md", action: "end its pin on the fronts" });
    expect(shape(pinned, Date.parse("2026-11-25T09:00:00+04:30")).lead).toBe("n1");
  });

  it("keeps the newest of two leads and warns the other at its `front`, naming both", () => {
    const s = shape([story("a", "national", 10, "front: lead"), story("b", "world", 11, "front: lead"), ...plain]);
    expect(s.lead).toBe("b");
    expect(s.rules).toEqual(["content/national/a.md:4 front-lead-several"]);
    expect(s.messages[0]).toContain("`content/national/a.md` and `content/world/b.md` both ask to lead the front page");
  });

  it("keeps the newest featured stories a front shows and warns the others", () => {
    const s = shape([story("f1", "sport", 3, "front: featured"), story("f2", "sport", 4, "front: featured"), story("f3", "sport", 2, "front: featured"), ...plain]);
    expect(s.featured).toEqual(["f2", "f1"]);
    expect(s.rules).toEqual(["content/sport/f3.md:4 front-featured-too-many"]);
  });

  it("shapes a section front with `section_front`, never with a scheduled or expired story", () => {
    const s = shape([
      ...plain,
      story("old", "national", 1, "section_front: lead"),
      story("later", "national", 30, "section_front: lead\nfront: lead"),
      story("gone", "national", 2, "section_front: featured\nexpires: 2026-11-23T09:00:00+04:30"),
    ]);
    const national = s.section("national");
    expect([national.lead?.slug, national.featured?.map((c) => c.slug), national.articles.map((c) => c.slug)]).toEqual(["old", ["n1", "n2"], []]);
    expect(s.lead).toBe("n1");
  });
});

describe("the fronts' fields, checked as the article is loaded", () => {
  const problems = (frontMatter: string) =>
    parseArticle(`---\ntitle: T\ndate: 2026-11-20T09:00:00+04:30\n${frontMatter}\n---\nText.\n`, articleFile("t", "national"), "Asia/Kabul").diagnostics.map(
      (d) => `${d.position.line}:${d.position.column} ${d.rule} ${d.message}`,
    );

  it("refuses a pin that ends before the article's date, and warns of one that pins nothing", () => {
    expect(problems("front: lead\npin_until: 2026-11-19T09:00:00+04:30")[0]).toMatch(/^5:12 date-order `pin_until` is 19 November 2026/);
    expect(problems("pin_until: 2026-11-25T09:00:00+04:30")).toEqual([
      "4:1 field-unused `pin_until` does nothing without `front:` or `section_front:` in the same front matter.",
    ]);
  });

  it("names the places a front has, and the one meant", () => {
    expect(problems("section_front: Lead")).toEqual([
      '4:16 field-invalid `section_front` must be `lead` or `featured`, not the text "Lead" (did you mean `lead`?).',
    ]);
    expect(problems("front: true")).toEqual(["4:8 field-invalid `front` must be `lead` or `featured`, not `true`."]);
  });
});
