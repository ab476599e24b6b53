import { describe, expect, it } from "vitest";
import { pageHash, planPages } from "../../src/build/page-plan.ts";
import { DEFAULT_SITE_CONFIG } from "../../src/content/site-config.ts";
import { buildSite } from "../../src/site/build-site.ts";
import { type ArticlePage, outputPath, type Page } from "../../src/site/pages.ts";
import { loaded } from "../support/loaded.ts";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const article = (slug: string, title: string, tags: string) =>
  loaded(slug, "national", `title: ${title}\ndate: 2026-10-1${slug.length % 9}T09:00:00+04:30\ntags: [${tags}]`, `${title} in the body.`);
const pagesOf = (titles: Record<string, string>) =>
  buildSite({ articles: Object.entries(titles).map(([slug, title]) => article(slug, title, "floods, aid")), config: DEFAULT_SITE_CONFIG, now: NOW }).pages;
const hashesOf = (pages: readonly Page[], version: string) => new Map(pages.map((p) => [outputPath(p.url), pageHash(version, p.key)]));
const articles = (pages: readonly Page[]) => pages.filter((p): p is ArticlePage => p.template === "article");

describe("outputPath", () => {
  it("should name the file Eleventy writes for a permalink", () => {
    expect(outputPath("/national/floods/")).toBe("national/floods/index.html");
    expect(outputPath("/feed.xml")).toBe("feed.xml");
    expect(outputPath("/")).toBe("index.html");
  });
});

describe("planPages", () => {
  const before = pagesOf({ floods: "Floods", aid: "Aid arrives", rain: "Rain" });
  const version = "v1";

  it("should render every page when nothing was built before", () => {
    const plan = planPages(before, version, new Map());
    expect(plan.carry).toEqual([]);
    expect(plan.render).toHaveLength(before.length);
    expect(articles(plan.render)).toHaveLength(3);
  });

  it("should carry over exactly the pages whose view is the same, and never make their views", () => {
    const after = pagesOf({ floods: "Floods", aid: "Aid convoys arrive", rain: "Rain" });
    let viewed = 0;
    const watched = after.map(
      (p) =>
        ({
          ...p,
          view: () => {
            viewed++;
            return p.view();
          },
        }) as Page,
    );
    const plan = planPages(watched, version, hashesOf(before, version));
    expect(viewed).toBe(0);
    expect(plan.render.map((p) => p.url)).toContain("/national/aid/");
    expect(plan.carry.length).toBeGreaterThan(0);
    // A page is carried exactly when its view is what it was: the edited title on a card, a sidebar or in a feed renders it again.
    const viewBefore = new Map(before.map((p) => [p.url, JSON.stringify(p.view())]));
    const changed = after.filter((p) => viewBefore.get(p.url) !== JSON.stringify(p.view())).map((p) => outputPath(p.url));
    expect(changed.length).toBeGreaterThan(3);
    expect(plan.render.map((p) => outputPath(p.url)).sort()).toEqual(changed.sort());
  });

  it("should render everything again under another templates' or pipeline's version", () => {
    expect(planPages(before, "v2", hashesOf(before, version)).carry).toEqual([]);
    expect(planPages(before, version, hashesOf(before, version)).render).toEqual([]);
  });

  it("should always render the pages its renderer writes on every run", () => {
    const plan = planPages(before, version, hashesOf(before, version), new Set(["index.html"]));
    expect(plan.render.map((p) => p.url)).toEqual(["/"]);
  });

  it("should refuse two pages at one address", () => {
    const [first] = before;
    if (first === undefined) throw new Error("no page");
    expect(() => planPages([first, { ...first }], version, new Map())).toThrow(/two pages would be written/);
  });
});
