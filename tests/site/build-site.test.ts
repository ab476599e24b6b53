import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../../src/content/site-config.ts";
import type { LoadedArticle } from "../../src/load/load-article.ts";
import { buildSite } from "../../src/site/build-site.ts";
import type { Page } from "../../src/site/pages.ts";
import type { ArticleView, ListPage } from "../../src/site/view.ts";
import { loaded } from "../support/loaded.ts";

const CONFIG: SiteConfig = {
  ...DEFAULT_SITE_CONFIG,
  name: "Ledger",
  url: "https://ledger.example",
  outlet: "Ledger",
  sections: [
    { slug: "national", title: "National", description: undefined },
    { slug: "world", title: "World", description: "Beyond the borders." },
  ],
  authors: [{ name: "Farida Noori", role: "Correspondent", bio: "Covers the north.", profiles: [] }],
  related: { ...DEFAULT_SITE_CONFIG.related, count: 2, autoCheckAlso: false },
};
const NOW = Date.UTC(2026, 10, 24);

/** The site as the templates see it: each article's and list's view, the front page. */
function buildSiteModel(articles: readonly LoadedArticle[], config: SiteConfig, now: number, unreadable?: ReadonlySet<string>) {
  const built = buildSite({ articles, config, now, ...(unreadable === undefined ? {} : { unreadable }) });
  const of = <T extends Page["template"]>(template: T) => built.pages.filter((p) => p.template === template);
  return {
    built,
    diagnostics: built.diagnostics,
    model: {
      articles: of("article").map((p) => p.view() as ArticleView),
      listPages: of("list").map((p) => p.view() as ListPage),
      home: built.site.front.home,
    },
  };
}

const a = loaded(
  "floods",
  "national",
  "title: Floods\ndate: 2026-10-14T09:30:00+04:30\ntags: [floods, Baghlan]\ncheck_also: [aid]\nauthor: farida noori",
  "Water rose in Nahrin district.\n\nMore.",
);
const b = loaded(
  "aid",
  "national",
  "title: Aid\ndate: 2026-10-15T09:30:00+04:30\ntags: [floods, Baghlan]\nsummary: Convoys arrive.",
  "Convoys reached Nahrin district.",
);
const c = loaded("rebuild", "national", "title: Rebuild\ndate: 2026-10-20T09:30:00+04:30\ntags: [Baghlan]", "Homes in Nahrin district will be rebuilt.");
const d = loaded("summit", "world", "title: Summit\ndate: 2026-10-16T09:30:00+03:00\ntags: [climate]\noutlet: AT News", "Delegates met in Antalya.");
const future = loaded("later", "world", "title: Later\ndate: 2027-01-01T09:30:00+04:30\ntags: [floods]");
const draft = loaded("draft", "world", "title: Draft\ndate: 2026-10-01T09:30:00+04:30\ndraft: true");

describe("buildSite", () => {
  const { model, diagnostics } = buildSiteModel([a, b, c, d, future, draft], CONFIG, NOW);
  const article = (slug: string) => model.articles.find((x) => x.slug === slug);

  it("should publish only articles that are neither drafts nor scheduled, newest first", () => {
    expect(diagnostics).toEqual([]);
    expect(model.articles.map((x) => x.slug)).toEqual(["rebuild", "summit", "aid", "floods"]);
  });

  it("should give each article its URL, outlet, summary and local time", () => {
    expect(article("floods")).toMatchObject({
      url: "/national/floods/",
      canonical: "https://ledger.example/national/floods/",
      outlet: "Ledger",
      summary: "Water rose in Nahrin district.",
      published: { iso: "2026-10-14T09:30:00+04:30", day: "14 October 2026" },
    });
    expect(article("summit")?.outlet).toBe("AT News");
    expect(article("aid")?.summary).toBe("Convoys arrive.");
  });

  it("should match authors to their bios by name", () => {
    expect(article("floods")?.authors).toEqual([{ name: "farida noori", role: "Correspondent", bio: "Covers the north.", profiles: [] }]);
  });

  it("should resolve Check Also slugs to the article's card", () => {
    const items = article("floods")?.checkAlso ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "article", article: { url: "/national/aid/", title: "Aid", summary: "Convoys arrive." } });
  });

  it("should relate articles of the same story, never itself, its Check Also target or unrelated ones", () => {
    expect(article("floods")?.related.map((r) => r.slug)).toEqual(["rebuild"]);
    expect(article("aid")?.related.map((r) => r.slug)).toEqual(["floods", "rebuild"]);
    expect(article("summit")?.related).toEqual([]);
  });

  it("should fill an empty Check Also box with the best pick when the config allows", () => {
    const auto = buildSiteModel([a, b, c, d], { ...CONFIG, related: { ...CONFIG.related, autoCheckAlso: true } }, NOW).model;
    const aid = auto.articles.find((x) => x.slug === "aid");
    expect(aid?.checkAlso.map((i) => (i.kind === "article" ? i.article.slug : i.url))).toEqual(["floods"]);
    expect(aid?.related.map((r) => r.slug)).toEqual(["rebuild"]);
    // The editor's choice is kept as it is.
    expect(auto.articles.find((x) => x.slug === "floods")?.checkAlso.map((i) => (i.kind === "article" ? i.article.slug : ""))).toEqual(["aid"]);
  });

  it("should build the breadcrumb Home / Section / Title", () => {
    expect(article("floods")?.breadcrumb).toEqual([
      { title: "Home", url: "/" },
      { title: "National", url: "/national/" },
      { title: "Floods", url: undefined },
    ]);
  });

  it("should list sections in config order with their articles newest first, the first ones as the front's lead and featured", () => {
    const fronts = model.listPages.filter((p) => p.kind === "section");
    expect(fronts.map((p) => [p.url, p.lead?.slug, p.featured?.map((x) => x.slug), p.articles.map((x) => x.slug)])).toEqual([
      ["/national/", "rebuild", ["aid", "floods"], []],
      ["/world/", "summit", [], []],
    ]);
  });

  it("should lead the home page with the newest story, feature the newest of other sections, and not repeat them below", () => {
    expect(model.home.lead?.slug).toBe("rebuild");
    expect(model.home.featured.map((x) => x.slug)).toEqual(["summit"]);
    expect(model.home.sections.map((s) => [s.section.slug, s.articles.map((x) => x.slug)])).toEqual([["national", ["aid", "floods"]]]);
  });
});

describe("buildSite diagnostics", () => {
  const rules = (articles: Parameters<typeof buildSiteModel>[0], unreadable?: Set<string>) =>
    buildSiteModel(articles, CONFIG, NOW, unreadable).diagnostics.map((x) => `${x.file}:${x.position.line}:${x.position.column} ${x.rule}`);

  it("should warn about a Check Also pointing at itself, a draft or a scheduled article", () => {
    const self = loaded("self", "national", "title: S\ndate: 2026-10-14T09:30:00+04:30\ncheck_also:\n  - self\n  - draft\n  - later");
    expect(rules([self, draft, future])).toEqual([
      "content/national/self.md:5:5 check-also-self",
      "content/national/self.md:6:5 check-also-unpublished",
      "content/national/self.md:7:5 check-also-unpublished",
    ]);
  });

  it("should not report a Check Also target whose own file failed to load", () => {
    const x = loaded("x", "national", "title: X\ndate: 2026-10-14T09:30:00+04:30\ncheck_also: [broken]");
    expect(rules([x], new Set(["broken"]))).toEqual([]);
    expect(rules([x])).toEqual(["content/national/x.md:4:14 check-also-unresolved"]);
  });

  it("should warn about a section the config does not list, with a suggestion, and still give it a page", () => {
    const odd = loaded("odd", null, "title: Odd\ndate: 2026-10-14T09:30:00+04:30\nsection: Wrold");
    const result = buildSiteModel([odd], CONFIG, NOW);
    expect(result.diagnostics.map((x) => [x.rule, x.severity, x.position.line, x.message])).toEqual([
      ["section-unknown", "warning", 4, "The section `Wrold` is not listed in the site config; it gets its own page anyway. Did you mean `world`?"],
    ]);
    expect(result.model.listPages.filter((p) => p.kind === "section").map((p) => p.url)).toEqual(["/national/", "/world/", "/wrold/"]);
    expect(result.model.articles[0]?.url).toBe("/wrold/odd/");
  });

  it("should report a picture that is not beside the article at its line", () => {
    const pic = loaded("pic", "national", "title: P\ndate: 2026-10-14T09:30:00+04:30\nimage:\n  src: missing.jpg\n  alt: A bridge");
    expect(rules([pic])).toEqual(["content/national/pic.md:5:8 image-missing"]);
  });

  it("should require a section when the article is not in a section folder", () => {
    const loose = loaded("loose", null, "title: Loose\ndate: 2026-10-14T09:30:00+04:30");
    expect(rules([loose])).toEqual(["content/loose.md:1:1 section-missing"]);
  });

  it("should match a section field to the config by slug", () => {
    const e = loaded("e", null, "title: E\ndate: 2026-10-14T09:30:00+04:30\nsection: world");
    const result = buildSiteModel([e], CONFIG, NOW);
    expect(result.diagnostics).toEqual([]);
    expect(result.model.articles[0]?.section).toEqual({ slug: "world", title: "World", url: "/world/" });
  });

  it("should refuse sections with no address or the address of the site's own pages, at the field or from the folder", () => {
    const hostile = loaded("up", "world", 'title: Up\ndate: 2026-10-14T09:30:00+04:30\nsection: "../.."');
    const inTags = loaded("tagged", "tags", "title: Tagged\ndate: 2026-10-14T09:30:00+04:30");
    const result = buildSiteModel([b, hostile, inTags], CONFIG, NOW);
    expect(result.diagnostics.map((x) => `${x.file} ${x.position.line}:${x.position.column} ${x.severity} ${x.rule}`)).toEqual([
      "content/world/up.md 4:10 error section-no-address",
      "content/tags/tagged.md 1:1 error section-reserved",
    ]);
    expect(result.model.articles.map((x) => x.slug)).toEqual(["aid"]);
  });
});

describe("buildSite pages and their keys", () => {
  const site = [a, b, c, d, future, draft];
  const keysOf = (articles: readonly LoadedArticle[], config = CONFIG) => new Map(buildSite({ articles, config, now: NOW }).pages.map((p) => [p.url, p.key]));
  const floods = "/national/floods/";

  it("should list every page of the site: articles, lists, files and the front pages, each once", () => {
    const { pages, site: model } = buildSite({ articles: site, config: CONFIG, now: NOW });
    const urls = pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(model.articles.map((x) => x.slug)).toEqual(["rebuild", "summit", "aid", "floods"]);
    for (const url of [floods, "/national/", "/tags/floods/", "/feed.xml", "/sitemap.xml", "/", "/404.html", "/search/", "/sections/"]) expect(urls).toContain(url);
    expect(urls).not.toContain("/world/later/");
  });

  it("should change an article's key with its own parse, the cards it links to and the config, and with nothing else", () => {
    const before = keysOf(site);
    // Its own parse (a new key), and the article its Check Also box shows (a new title).
    expect(keysOf(site.map((x) => (x.slug === "floods" ? { ...a, key: "another" } : x))).get(floods)).not.toBe(before.get(floods));
    const renamed = loaded("aid", "national", "title: Aid arrives\ndate: 2026-10-15T09:30:00+04:30\ntags: [floods, Baghlan]\nsummary: Convoys arrive.");
    expect(keysOf(site.map((x) => (x.slug === "aid" ? renamed : x))).get(floods)).not.toBe(before.get(floods));
    // An author's bio, shown only in the author box of the articles she wrote.
    const bio = { ...CONFIG, authors: [{ name: "Farida Noori", role: "Correspondent", bio: "Covers the north and east.", profiles: [] }] };
    expect(keysOf(site, bio).get(floods)).not.toBe(before.get(floods));
    // The same inputs, the same keys; a draft's new text is in no published page.
    expect(keysOf(site.map((x) => (x.slug === "draft" ? { ...draft, key: "edited" } : x)))).toEqual(before);
  });

  it("should make no view until one is asked for", () => {
    const { pages } = buildSite({ articles: site, config: CONFIG, now: NOW });
    const floodsPage = pages.find((p) => p.url === floods);
    expect(floodsPage?.view()).toBe(floodsPage?.view());
  });
});
