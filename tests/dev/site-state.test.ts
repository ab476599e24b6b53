import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articlePage, provisionalArticle } from "../../src/dev/provisional.ts";
import { DevSite } from "../../src/dev/site-state.ts";
import { type LoadedContent, loadContent, siteProblems } from "../../src/load/load-content.ts";
import { type BuiltSite, buildSite } from "../../src/site/build-site.ts";
import { ROOT } from "../support/cli.ts";

const NOW = Date.parse("2026-11-24T08:00:00Z");
let work: string;
let site: DevSite;
const content = () => path.join(work, "content");
const fileOf = (rel: string) => path.join(content(), rel);
const edit = (rel: string, change: (text: string) => string) => writeFileSync(fileOf(rel), change(readFileSync(fileOf(rel), "utf8")));

beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-dev-site-"));
  cpSync(path.join(ROOT, "tests/e2e/site"), work, { recursive: true });
  site = await DevSite.open({ contentDir: content(), siteFile: path.join(work, "site.yaml"), cache: undefined });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const modelOf = (loaded: LoadedContent): BuiltSite => buildSite({ articles: loaded.articles, config: loaded.config, now: NOW, unreadable: loaded.unreadable });
/** What the site's pages and problems are, from content as loaded: every page's address, key and view. */
const sameAs = (loaded: LoadedContent) => {
  const built = modelOf(loaded);
  return {
    problems: siteProblems(loaded, built.diagnostics),
    articles: loaded.articleCount,
    pages: built.pages.map((p) => ({ url: p.url, key: p.key, view: JSON.stringify(p.view()) })),
  };
};
/** What a build would make of the folder as it is now. */
const build = async () => sameAs(await loadContent({ contentDir: content(), siteFile: path.join(work, "site.yaml") }));
const slugsOf = (built: BuiltSite) => built.site.articles.map((a) => a.slug);

describe("DevSite", () => {
  it("should give the same site as a build, after edits, a new article and a deleted one", async () => {
    expect(sameAs(site.content())).toEqual(await build());
    edit("national/floods-hit-baghlan.md", (t) => t.replace("title: Floods hit Baghlan", "title: Floods hit three districts"));
    writeFileSync(fileOf("national/bridge-reopens.md"), "---\ntitle: Bridge reopens\ndate: 2026-10-20T09:00:00+04:30\n---\nTraffic again.\n");
    rmSync(fileOf("world/kabul-dari.md"));
    const changed = new Set(["national/floods-hit-baghlan.md", "national/bridge-reopens.md", "world/kabul-dari.md"].map(fileOf));
    expect(sameAs(await site.refresh(changed))).toEqual(await build());
  });

  it("should probe a picture saved over under the same name again, as a build does", async () => {
    const rel = "national/rebuilding-begins/bridge.svg";
    expect(siteProblems(site.content(), modelOf(site.content()).diagnostics).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    writeFileSync(fileOf(rel), '<svg xmlns="http://www.w3.org/2000/svg" width="60000" height="60000"/>');
    const after = await site.refresh(new Set([fileOf(rel)]));
    expect(siteProblems(after, modelOf(after).diagnostics).diagnostics.map((d) => d.rule)).toContain("image-unreadable");
    expect(sameAs(after)).toEqual(await build());
  });

  it("should report a broken article as a build does, and keep the others", async () => {
    edit("national/aid-reaches-baghlan.md", (t) => t.replace("tags:", "tgas:"));
    expect(await site.reparse(fileOf("national/aid-reaches-baghlan.md"))).toMatchObject({ article: undefined, diagnostics: [{ rule: "field-unknown" }] });
    const refreshed = await site.refresh(new Set([fileOf("national/aid-reaches-baghlan.md")]));
    expect(sameAs(refreshed)).toEqual(await build());
    expect(slugsOf(modelOf(refreshed))).toContain("floods-hit-baghlan");
  });

  it("should know nothing of a file that is not an article it has read", async () => {
    expect(await site.reparse(fileOf("national/not-there.md"))).toBeUndefined();
  });
});

describe("provisionalArticle", () => {
  it("should make the saved article's page exactly as the full update does when its related articles stay the same", async () => {
    const before = modelOf(site.content());
    const rel = "national/floods-hit-baghlan.md";
    edit(rel, (t) => t.replace("title: Floods hit Baghlan", "title: Floods hit Baghlan overnight").replace("said a farmer.", "said a farmer in Nahrin."));
    const state = await site.reparse(fileOf(rel));
    const article = state?.article;
    if (article === undefined) throw new Error("the edited fixture should parse");
    const provisional = provisionalArticle(article, (slug) => site.articleBySlug(slug), site.config, NOW, before);
    const after = articlePage(modelOf(await site.refresh(new Set([fileOf(rel)]))), "floods-hit-baghlan");
    expect(after?.view().related).toEqual(articlePage(before, "floods-hit-baghlan")?.view().related);
    // The same view under the same key: the full update does not render it again.
    expect(provisional?.view()).toEqual(after?.view());
    expect(provisional?.key).toBe(after?.key);
    expect(provisional?.view().bodyHtml.read()).toContain("said a farmer in Nahrin.");
    // The editor's Check Also names another article, resolved to its card.
    expect(provisional?.view().checkAlso).toMatchObject([{ kind: "article", article: { slug: "aid-reaches-baghlan" } }]);
  });

  it("should leave to the full update an article that is no longer published, or whose Check Also is unpublished", async () => {
    const before = modelOf(site.content());
    const made = async (change: (text: string) => string) => {
      edit("national/floods-hit-baghlan.md", change);
      const article = (await site.reparse(fileOf("national/floods-hit-baghlan.md")))?.article;
      return article && provisionalArticle(article, (slug) => site.articleBySlug(slug), site.config, NOW, before);
    };
    expect(await made((t) => t.replace("author:", "draft: true\nauthor:"))).toBeUndefined();
    expect(await made((t) => t.replace("draft: true\n", "").replace("- aid-reaches-baghlan", "- draft-story"))).toBeUndefined();
  });
});
