import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../support/browser.ts";
import { ROOT, runCli } from "../../support/cli.ts";
import { type StaticServer, serveStatic } from "../../support/static-server.ts";

/**
 * Issue 21, tried as a reader would in Chromium at 390 and 1280 px: the
 * sample site with a live story running a breaking strip and a story taken
 * down, built as of a fixed moment. axe (WCAG 2.2 AA) on the live page, the
 * front page under the strip and the notice; the strip without JavaScript
 * and, for readers who ask, without motion. Screenshots go to
 * tests/artifacts/screenshots/ (git-ignored).
 */
const NOW = "2026-11-24T12:00:00+04:30";
const SHOTS = path.join(ROOT, "tests", "artifacts", "screenshots");
const LIVE = "/national/quake-live/";
const GONE = "/national/baghlan-reconstruction-plan-unveiled/";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = {
  phone: { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true },
  desktop: { viewport: VIEWPORTS.desktop },
} as const;

let work: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-21-live-browser-"));
  const content = path.join(work, "content");
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  cpSync(path.join(ROOT, "site.yaml"), path.join(work, "site.yaml"));
  writeFileSync(
    path.join(content, "national", "quake-live.md"),
    `---
title: "Earthquake in Herat: the latest"
date: 2026-11-24T08:10:00+04:30
live: true
breaking: A strong earthquake strikes Herat province
breaking_until: 2026-11-24T20:00:00+04:30
author: Farida Noori
tags: [Herat]
---
A magnitude 6.1 earthquake struck western Herat province early on Tuesday. Follow the latest here.

## 11:45 Field hospitals open in Zindajan

Two field hospitals opened on the edge of Zindajan, the district worst hit.

## 10:20

Rescue teams from Kabul landed at Herat airport.

## 08:25 The first reports

Residents described walls falling in the old city.
`,
  );
  const gone = path.join(content, "national", "baghlan-reconstruction-plan-unveiled.md");
  writeFileSync(gone, readFileSync(gone, "utf8").replace(/^date: (.*)$/m, "date: $1\nexpires: 2026-11-24T11:00:00+04:30"));
  const out = path.join(work, "out");
  const build = runCli(["build", "--content", content, "--site", path.join(work, "site.yaml"), "--out", out, "--now", NOW]);
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

async function withPage<T>(options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

describe.each(Object.entries(WIDTHS))("at %s width", (name, options) => {
  it("has no axe violations on the live page, the front page under the strip and a taken-down article's notice", async () => {
    await withPage(options, async (page) => {
      const found: string[] = [];
      for (const [shot, url] of [
        ["live", LIVE],
        ["home-breaking", "/"],
        ["gone", GONE],
      ] as const) {
        const response = await page.goto(`${server.url}${url}`);
        expect(response?.status()).toBe(200);
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        for (const v of results.violations) found.push(`${shot}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport.width);
        await page.screenshot({ path: path.join(SHOTS, `21-${shot}-${name}.png`), fullPage: true });
      }
      expect(found).toEqual([]);
    });
  });

  it("shows the strip under the masthead across the page as a labelled region, and follows it to the live page", async () => {
    await withPage({ ...options, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${server.url}/sport/`);
      const strip = page.getByRole("region", { name: "Breaking news" });
      expect(await strip.innerText()).toMatch(/^BREAKING\s+A strong earthquake strikes Herat province$/);
      const [masthead, box] = await Promise.all([page.locator(".masthead").boundingBox(), strip.boundingBox()]);
      if (masthead === null || box === null) throw new Error("not laid out");
      expect(box.y).toBeGreaterThanOrEqual(masthead.y + masthead.height - 1);
      expect(box.width).toBeGreaterThanOrEqual(options.viewport.width - 1);
      await strip.getByRole("link").click();
      expect(new URL(page.url()).pathname).toBe(LIVE);
      expect(await page.locator("h1").innerText()).toBe("Earthquake in Herat: the latest");
    });
  });

  it("shows the updates newest first, each reachable by its anchor", async () => {
    await withPage(options, async (page) => {
      await page.goto(`${server.url}${LIVE}#update-1020`);
      const times = await page.locator(".live-update h2 time").allInnerTexts();
      expect(times).toEqual(["11:45", "10:20", "08:25"]);
      const target = page.locator("#update-1020");
      expect(await target.evaluate((el) => el.matches(":target"))).toBe(true);
      const box = await target.boundingBox();
      const { scrollY, maxScroll, height } = await page.evaluate(() => ({
        scrollY: window.scrollY,
        maxScroll: document.documentElement.scrollHeight - window.innerHeight,
        height: window.innerHeight,
      }));
      // Scrolled to it: its top at the top of the screen (within a pixel's rounding), or as near as the
      // page's end lets it come, and on the screen either way.
      expect(scrollY).toBeGreaterThan(0);
      if (scrollY < maxScroll - 1) expect(Math.abs(box?.y ?? Number.NaN)).toBeLessThan(1);
      else expect(box?.y ?? Number.NaN).toBeGreaterThanOrEqual(0);
      expect(box?.y ?? Number.NaN).toBeLessThan(height);
      expect(await page.locator(".kicker .live-label").innerText()).toMatch(/live/i);
    });
  });
});

it("stops the strip's and the Live label's pulse for readers who ask for reduced motion", async () => {
  const animation = (reducedMotion: "reduce" | "no-preference") =>
    withPage({ viewport: VIEWPORTS.desktop, reducedMotion }, async (page) => {
      await page.goto(`${server.url}${LIVE}`);
      return page.evaluate(() =>
        [".breaking-label", ".kicker .live-label"].map((selector) => getComputedStyle(document.querySelector(selector) as Element, "::before").animationName),
      );
    });
  expect(await animation("no-preference")).toEqual(["pulse", "pulse"]);
  expect(await animation("reduce")).toEqual(["none", "none"]);
});
