import { describe, expect, it } from "vitest";
import { inputHash, outputPath, pageHashes, planPages } from "../../src/build/page-plan.ts";
import { buildSiteModel } from "../../src/site/model.ts";
import { DEFAULT_SITE_CONFIG } from "../../src/site/config.ts";
import { loaded } from "../support/loaded.ts";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const article = (slug: string, title: string, tags: string) =>
  loaded(slug, "national", `title: ${title}\ndate: 2026-10-1${slug.length % 9}T09:00:00+04:30\ntags: [${tags}]`, `${title} in the body.`);
const model = (titles: Record<string, string>) =>
  buildSiteModel(
    Object.entries(titles).map(([slug, title]) => article(slug, title, "floods, aid")),
    DEFAULT_SITE_CONFIG,
    NOW,
  ).model;

describe("outputPath", () => {
  it("should name the file Eleventy writes for a permalink", () => {
    expect(outputPath("/national/floods/")).toBe("national/floods/index.html");
    expect(outputPath("/feed.xml")).toBe("feed.xml");
    expect(outputPath("/")).toBe("index.html");
  });
});

describe("planPages", () => {
  const before = model({ floods: "Floods", aid: "Aid arrives", rain: "Rain" });
  const version = "v1";

  it("should render every page when nothing was built before", () => {
    const plan = planPages(before, version, new Map());
    expect(plan.carry).toEqual([]);
    expect(plan.render.articles).toHaveLength(3);
    expect(plan.render.listPages).toHaveLength(before.listPages.length);
  });

  it("should carry over only the pages whose data is the same, including the sidebars an edit touches", () => {
    const after = model({ floods: "Floods", aid: "Aid convoys arrive", rain: "Rain" });
    const plan = planPages(after, version, pageHashes(before, version));
    // The edited article, and every page that shows its title (lists, feeds, the others' sidebars), are rendered.
    for (const a of plan.render.articles) expect(a.slug === "aid" || a.related.some((r) => r.slug === "aid")).toBe(true);
    expect(plan.render.articles.map((a) => a.slug)).toContain("aid");
    expect(plan.render.listPages.every((l) => l.articles.some((a) => a.slug === "aid"))).toBe(true);
    for (const rel of plan.carry) expect(plan.hashes.get(rel)).toBe(pageHashes(before, version).get(rel));
    // And the other way round: no page that shows the edited title is carried over.
    const rendered = new Set([...plan.render.articles, ...plan.render.listPages].map((p) => p.url));
    const showing = [...after.articles.filter((a) => a.slug === "aid" || a.related.some((r) => r.slug === "aid")), ...after.listPages.filter((l) => l.articles.some((a) => a.slug === "aid"))];
    expect(showing.length).toBeGreaterThan(3);
    for (const page of showing) expect(rendered.has(page.url)).toBe(true);
  });

  it("should render everything again under another templates' or pipeline's version", () => {
    expect(planPages(before, "v2", pageHashes(before, version)).carry).toEqual([]);
    expect(planPages(before, version, pageHashes(before, version)).render.articles).toEqual([]);
  });

  it("should hash a page known by its inputs' digest by that digest, and refuse one left unmodelled that is not carried", () => {
    const titles = { floods: "Floods", aid: "Aid arrives", rain: "Rain" };
    const keyed = Object.entries(titles).map(([slug, title]) => ({ ...article(slug, title, "floods, aid"), key: slug }));
    const full = buildSiteModel(keyed, DEFAULT_SITE_CONFIG, NOW, new Set(), () => false);
    expect(full.digests.size).toBe(3);
    const hashes = pageHashes(full.model, version, full.digests);
    for (const [url, digest] of full.digests) expect(hashes.get(outputPath(url))).toBe(inputHash(version, digest));
    // Held: the previous output has the pages under those hashes, so none of them is modelled or rendered.
    const held = buildSiteModel(keyed, DEFAULT_SITE_CONFIG, NOW, new Set(), (url, digest) => hashes.get(outputPath(url)) === inputHash(version, digest));
    expect(held.model.articles).toEqual([]);
    const plan = planPages(held.model, version, hashes, held.digests);
    expect(plan.render.articles).toEqual([]);
    expect(plan.carry).toEqual([...hashes.keys()].sort());
    // A page the model left out must be one the previous output holds: never a page missing from the site.
    const lost = new Map([...hashes].filter(([rel]) => rel !== "national/aid/index.html"));
    expect(() => planPages(held.model, version, lost, held.digests)).toThrow(/`\/national\/aid\/` was not modelled/);
  });
});
