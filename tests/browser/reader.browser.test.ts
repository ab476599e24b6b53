import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SHARD_PAGES_VARIABLE, shardCount, shardFolder, shardOf } from "../../src/search/shards.ts";
import { launchChromium, VIEWPORTS } from "../support/browser.ts";
import { ROOT, runCli } from "../support/cli.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";

/**
 * The sample site as readers get it: built by the CLI, served by a plain
 * static server on 127.0.0.1, read in Debian's Chromium. One build, one
 * server and one browser for every test here. Beside the sample articles,
 * a draft and an article scheduled after --now carry words found nowhere
 * else, to prove that search never finds what is not published. The search
 * index is cut in shards of a few pages, as a large archive's is, so that
 * the search page is seen merging several.
 * Screenshots go to tests/artifacts/screenshots/ (git-ignored).
 */
const NOW = "2026-11-24T12:00:00+04:30";
const DRAFT_WORD = "quokkadraft";
const SCHEDULED_WORD = "quokkalater";
const SHOTS = path.join(ROOT, "tests", "artifacts", "screenshots");
/** Pages per search shard: the sample site's 29 articles in 4 shards. */
const SHARD_PAGES = 4;
const ARTICLE = "/national/aid-convoys-reach-baghlan/";
const RTL_ARTICLE = "/national/baghlan-floods-dari/";

/** Every kind of page, with a name for its screenshots. */
const PAGES = {
  home: "/",
  section: "/national/",
  tag: "/tags/baghlan-floods/",
  author: "/authors/farida-noori/",
  outlet: "/outlets/at-news/",
  archive: "/archive/2026/",
  sections: "/sections/",
  corrections: "/corrections/",
  "lite-front": "/lite/",
  "lite-article": "/lite/national/aid-convoys-reach-baghlan/",
  article: ARTICLE,
  rtl: RTL_ARTICLE,
  search: "/search/?q=convoys",
  "not-found": "/no/such/page/",
} as const;

let work: string;
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-browser-"));
  const content = path.join(work, "content");
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  cpSync(path.join(ROOT, "site.yaml"), path.join(work, "site.yaml"));
  mkdirSync(path.join(content, "world"), { recursive: true });
  writeFileSync(
    path.join(content, "world", "unpublished-draft.md"),
    `---\ntitle: A draft about the ${DRAFT_WORD}\ndate: 2026-10-01T09:00:00+04:30\ndraft: true\n---\nThe ${DRAFT_WORD} is not news yet.\n`,
  );
  writeFileSync(
    path.join(content, "world", "scheduled-later.md"),
    `---\ntitle: Next year's ${SCHEDULED_WORD}\ndate: 2027-01-01T09:00:00+04:30\n---\nThe ${SCHEDULED_WORD} is embargoed.\n`,
  );
  out = path.join(work, "out");
  vi.stubEnv(SHARD_PAGES_VARIABLE, String(SHARD_PAGES));
  const build = runCli(["build", "--content", content, "--site", path.join(work, "site.yaml"), "--out", out, "--now", NOW]);
  vi.unstubAllEnvs();
  expect(build.stderr).toBe("");
  expect(build.status).toBe(0);
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([serveStatic(out), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

async function withPage<T>(options: Parameters<Browser["newContext"]>[0], use: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const desktop = { viewport: VIEWPORTS.desktop };

/** The search index's shards, as the search page reads them: `/pagefind/03/`, … */
const shards = (): string[] => (JSON.parse(readFileSync(path.join(out, "pagefind", "shards.json"), "utf8")) as { shards: string[] }).shards;
/** Pages indexed, over all the shards. */
const indexedPages = (): number =>
  shards().reduce((n, shard) => {
    const entry = JSON.parse(readFileSync(path.join(out, shard, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return Object.values(entry.languages).reduce((m, l) => m + l.page_count, n);
  }, 0);
const phone = { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true };

const h1 = (page: Page) => page.locator("h1").first().innerText();

describe("a reader's path through the site", () => {
  it("should go from the home page to a section, an article, its Check Also and a sidebar link", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}/`);
      await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "National" }).click();
      expect(await h1(page)).toBe("National");
      expect(await page.getByRole("link", { name: "National", exact: true }).first().getAttribute("aria-current")).toBe("page");

      await page
        .getByRole("link", { name: /^Aid convoys reach flood-hit villages/ })
        .first()
        .click();
      expect(new URL(page.url()).pathname).toBe(ARTICLE);
      expect(await h1(page)).toBe("Aid convoys reach flood-hit villages in Baghlan as death toll rises to 19");
      await expect(page.locator(".corrections li").innerText()).resolves.toContain("Northern Relief Consortium");

      const checkAlso = page.locator(".check-also .card-title a").first();
      const checkAlsoTitle = await checkAlso.innerText();
      await checkAlso.click();
      expect(await h1(page)).toBe(checkAlsoTitle);

      await page.goBack();
      const related = page.getByRole("complementary", { name: "Related articles" }).locator(".card-title a").first();
      const relatedTitle = await related.innerText();
      await related.click();
      expect(await h1(page)).toBe(relatedTitle);
    });
  });

  it("should find an article by a word of its body on the search page, and open it", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}/`);
      await page.getByRole("link", { name: "Search" }).first().click();
      await page.getByLabel("Words to find").fill("Zarghona");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page.locator("#search-status").filter({ hasText: "1 article found" }).waitFor()).resolves.toBeUndefined();
      expect(new URL(page.url()).search).toBe("?q=Zarghona");
      const hit = page.locator("#search-results a").first();
      expect(await page.locator("#search-results mark").first().innerText()).toMatch(/^Zarghona\b/);
      await hit.click();
      expect(new URL(page.url()).pathname).toBe(ARTICLE);
    });
  });

  it("should find a Dari article whichever keyboard typed the query, and show its title as written", async () => {
    await withPage(desktop, async (page) => {
      // The article writes «مقام‌های» (Persian yeh, a zero-width non-joiner) and ۱۴; an Arabic keyboard types «مقامهاي».
      for (const query of ["مقامهاي", "مقام‌های", "مقام هاي"]) {
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
        await page.locator("#search-results li").first().waitFor();
        const hrefs = await page.locator("#search-results li a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect([query, hrefs]).toEqual([query, [RTL_ARTICLE]]);
      }
      const shown = await page.locator("#search-results li a").first().innerText();
      await page.goto(`${server.url}${RTL_ARTICLE}`);
      expect(shown).toBe(await h1(page));
      expect(shown).toContain("\u200c");
    });
  });

  it("should filter search results by section and outlet", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}/search/?q=floods&section=Business`);
      await page.locator("#search-status").filter({ hasText: /found/ }).waitFor();
      const sections = await page.locator("#search-results .card-meta span:first-child").allInnerTexts();
      expect(sections.length).toBeGreaterThan(0);
      expect(new Set(sections)).toEqual(new Set(["Business"]));
      expect(await page.locator("#search-section").inputValue()).toBe("Business");
      await page.goto(`${server.url}/search/?q=floods&outlet=Ledger+Wire`);
      await page.locator("#search-status").filter({ hasText: /found/ }).waitFor();
      const outlets = await page.locator("#search-results .card-meta span:nth-child(2)").allInnerTexts();
      expect(new Set(outlets)).toEqual(new Set(["Ledger Wire"]));
    });
  });

  it("should never find drafts or articles scheduled after the build", async () => {
    await withPage(desktop, async (page) => {
      for (const word of [DRAFT_WORD, SCHEDULED_WORD]) {
        await page.goto(`${server.url}/search/?q=${word}`);
        await page.locator("#search-status").filter({ hasText: "No articles found" }).waitFor();
      }
    });
    // Only article pages are indexed: one entry per published article (wire copy too, though the sitemap leaves
    // it to its original), no list or home page, over all the shards.
    const articlePages = readdirSync(out, { recursive: true, encoding: "utf8" })
      .filter((rel) => /^[a-z]+\/[a-z0-9-]+\/index\.html$/.test(rel.split(path.sep).join("/")))
      .filter((rel) => !/^(tags|authors|outlets|archive|sections|search|page|lite)\b/.test(rel) && !/\/page\//.test(rel));
    expect(articlePages.length).toBeGreaterThan(20);
    expect(indexedPages()).toBe(articlePages.length);
  });

  it("should search every shard of the index at once, ranking their results together, one index request per shard", async () => {
    const listed = shards();
    expect(listed.length).toBeGreaterThan(2);
    await withPage(desktop, async (page) => {
      const requests: string[] = [];
      page.on("request", (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(`${server.url}/search/?q=floods`);
      await page.locator("#search-status").filter({ hasText: /found/ }).waitFor();
      // Loading: the list, the first shard's script and WebAssembly (once), then each shard's entry and metadata.
      expect(requests.filter((p) => p.endsWith("pagefind.js"))).toEqual([`${listed[0]}pagefind.js`]);
      expect(requests.filter((p) => p.endsWith(".pagefind")).length).toBe(1);
      expect(new Set(requests.filter((p) => p.endsWith(".pf_meta")).map((p) => p.replace(/[^/]+$/, "")))).toEqual(new Set(listed));

      const before = requests.length;
      await page.getByLabel("Words to find").fill("convoys");
      await page.getByRole("button", { name: "Search" }).click();
      await page
        .locator("#search-status")
        .filter({ hasText: /convoys/ })
        .waitFor();
      const query = requests.slice(before).filter((p) => p.startsWith("/pagefind/"));
      const indexChunks = query.filter((p) => p.endsWith(".pf_index"));
      expect(indexChunks.length).toBeLessThanOrEqual(listed.length);
      expect(query.filter((p) => !p.endsWith(".pf_index") && !p.endsWith(".pf_fragment"))).toEqual([]);

      // The page's Pagefind is the module the script merged the shards into: ask it for scores.
      // (A string, so that vitest leaves the page's own import() alone.)
      const found = (await page.evaluate(`(async () => {
        const pagefind = await import(${JSON.stringify(`${listed[0]}pagefind.js`)});
        const response = await pagefind.search("floods");
        return Promise.all(response.results.map(async (r) => ({ score: r.score, url: (await r.data()).url })));
      })()`)) as { score: number; url: string }[];
      const scores = found.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const count = shardCount(indexedPages(), SHARD_PAGES);
      const from = new Set(found.map((r) => shardFolder(shardOf(`${r.url.replace(/^\//, "")}index.html`, count))));
      expect(from.size).toBeGreaterThan(1);
    });
  });
});

describe("pictures", () => {
  it("should show the lead and body pictures as AVIF from a srcset, at their own aspect, the body one lazily", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}${ARTICLE}`);
      const lead = page.locator(".article-image img");
      await lead.evaluate((img: HTMLImageElement) => img.decode());
      const shown = await lead.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, natural: img.naturalWidth, w: img.clientWidth, h: img.clientHeight }));
      expect(shown.src).toMatch(/\/convoy-[0-9a-f]{10}-\d+\.avif$/);
      expect(shown.natural).toBeGreaterThanOrEqual(shown.w);
      expect(Math.abs(shown.h - (shown.w * 1250) / 2000)).toBeLessThan(1.5);
      expect(await lead.getAttribute("loading")).toBe("eager");
      expect(await page.locator(".article-image figcaption").textContent()).toBe(
        "The first convoy on the road to Nahrin after engineers cleared the landslides. Illustration, Kabul Ledger graphics desk",
      );
      const body = page.locator(".body-image img");
      expect(await body.getAttribute("loading")).toBe("lazy");
      expect(await page.locator(".body-image figcaption").innerText()).toBe("More than 60 families are sheltering at a school in Nahrin.");
    });
  });

  it("should keep each picture's space before it loads, so nothing moves", async () => {
    await withPage(phone, async (page, context) => {
      await context.route(/\.(avif|webp|jpg)$/, (route) => route.abort());
      await page.goto(`${server.url}${ARTICLE}`);
      for (const selector of [".article-image img", ".body-image img"]) {
        const box = await page.locator(selector).evaluate((img: HTMLImageElement) => ({
          w: img.clientWidth,
          h: img.clientHeight,
          ratio: Number(img.getAttribute("height")) / Number(img.getAttribute("width")),
          loaded: img.naturalWidth,
        }));
        expect(box.loaded).toBe(0);
        expect(box.w).toBeGreaterThan(300);
        expect(Math.abs(box.h - box.w * box.ratio)).toBeLessThan(1.5);
      }
    });
  });
});

describe("layout", () => {
  it("should put the sidebar beside the article on a wide screen and below it on a phone", async () => {
    for (const [options, beside] of [
      [desktop, true],
      [phone, false],
    ] as const) {
      await withPage(options, async (page) => {
        await page.goto(`${server.url}${ARTICLE}`);
        const article = await page.locator("article.article").boundingBox();
        const sidebar = await page.locator("aside.related").boundingBox();
        if (article === null || sidebar === null) throw new Error("article or sidebar not laid out");
        if (beside) expect(sidebar.x).toBeGreaterThanOrEqual(article.x + article.width);
        else expect(sidebar.y).toBeGreaterThanOrEqual(article.y + article.height);
        // Nothing is wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
      });
    }
  });

  it("should set a right-to-left article right to left, with the site's own words kept left to right", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}${RTL_ARTICLE}`);
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(["rtl", "fa-AF"]);
      const body = page.locator(".article-body p").first();
      expect(await body.evaluate((p) => getComputedStyle(p).direction)).toBe("rtl");
      const header = await page.locator(".article-header h1").boundingBox();
      const column = await page.locator("article.article").boundingBox();
      if (header === null || column === null) throw new Error("not laid out");
      // The headline starts at the column's right edge, and the column sits on the right of the page.
      expect(Math.abs(header.x + header.width - (column.x + column.width))).toBeLessThan(2);
      expect(column.x + column.width).toBeGreaterThan(VIEWPORTS.desktop.width / 2 + 200);
      expect(await page.locator(".masthead").evaluate((m) => getComputedStyle(m).direction)).toBe("ltr");
      expect(await page.locator(".kicker").evaluate((k) => [getComputedStyle(k).direction, getComputedStyle(k).textAlign])).toEqual(["ltr", "right"]);
    });
  });

  it("should be readable with JavaScript off, and carry no script but on the search page", async () => {
    await withPage({ ...phone, javaScriptEnabled: false }, async (page) => {
      for (const [name, url] of Object.entries(PAGES)) {
        await page.goto(`${server.url}${url}`);
        const scripts = await page.locator("script:not([type='application/ld+json'])").count();
        expect([name, scripts]).toEqual([name, name === "search" ? 1 : 0]);
      }
      await page.goto(`${server.url}${ARTICLE}`);
      expect(await page.locator(".article-body").innerText()).toContain("Northern Relief Consortium");
    });
  });

  it("should follow the reader's colour scheme and print the article alone", async () => {
    await withPage({ ...desktop, colorScheme: "dark" }, async (page) => {
      await page.goto(`${server.url}${ARTICLE}`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe("rgb(19, 21, 24)");
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      const hidden = await page.evaluate(() =>
        [".sections-nav", ".related", ".check-also", ".site-footer", ".breadcrumb", ".search-link"].map(
          (s) => getComputedStyle(document.querySelector(s) as Element).display,
        ),
      );
      expect(hidden).toEqual(Array(6).fill("none"));
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
      expect(await page.locator(".article-body").isVisible()).toBe(true);
    });
  });
});

describe("accessibility", () => {
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

  /**
   * Every rule on every kind of page in the light scheme; the dark scheme
   * changes only colours, so only contrast is checked again there, on the
   * pages that between them use every component; on a phone, the pages
   * whose layout changes most. Screenshots of each.
   */
  const RUNS = [
    { scheme: "light", options: desktop, rules: undefined, pages: Object.keys(PAGES) },
    { scheme: "dark", options: { ...desktop, colorScheme: "dark" as const }, rules: ["color-contrast"], pages: ["home", "section", "article", "search"] },
    { scheme: "phone", options: phone, rules: undefined, pages: ["home", "section", "article", "rtl", "search"] },
  ] as const;

  for (const run of RUNS) {
    it(`should have no axe violations (WCAG 2.2 AA${run.rules === undefined ? "" : `: ${run.rules.join(", ")}`}) on ${run.pages.join(", ")} (${run.scheme})`, async () => {
      await withPage(run.options, async (page) => {
        const found: string[] = [];
        for (const name of run.pages) {
          await page.goto(`${server.url}${PAGES[name as keyof typeof PAGES]}`);
          if (name === "search") await page.locator("#search-results li").first().waitFor();
          const axe = new AxeBuilder({ page });
          const results = await (run.rules === undefined ? axe.withTags(TAGS) : axe.withRules([...run.rules])).analyze();
          for (const v of results.violations) found.push(`${name}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
          expect(results.passes.length).toBeGreaterThan(0);
          expect(await page.locator("h1").count()).toBe(1);
          for (const role of ["banner", "main", "contentinfo"] as const) expect(await page.getByRole(role).count()).toBe(1);
          // A full-page picture of the page shows every picture, not the space kept for the lazy ones.
          await page.evaluate(() =>
            Promise.all(
              [...document.images].map((img) => {
                img.loading = "eager";
                return img.decode().catch(() => undefined);
              }),
            ),
          );
          await page.screenshot({ path: path.join(SHOTS, `${name}-${run.scheme}.png`), fullPage: true });
        }
        expect(found).toEqual([]);
      });
    });
  }

  it("should let a keyboard reach everything: skip link first, then masthead, article and sidebar, each focus visible", async () => {
    await withPage(desktop, async (page) => {
      await page.goto(`${server.url}${ARTICLE}`);
      await page.keyboard.press("Tab");
      const skip = page.locator(":focus");
      expect(await skip.innerText()).toBe("Skip to content");
      const box = await skip.boundingBox();
      expect(box !== null && box.y >= 0 && box.height > 0).toBe(true);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

      await page.goto(`${server.url}${ARTICLE}`);
      const reached = new Set<string>();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (el === null || el === document.body) return undefined;
          const style = getComputedStyle(el);
          const region = el.closest(".masthead, .article-header, .article-body, .check-also, .related, .site-footer")?.className ?? "other";
          return { region: region.split(" ")[0] ?? region, visible: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2 };
        });
        if (focused === undefined) break;
        expect(focused.visible).toBe(true);
        reached.add(focused.region);
      }
      expect([...reached]).toEqual(expect.arrayContaining(["masthead", "article-header", "check-also", "related", "site-footer"]));
    });
  });
});
