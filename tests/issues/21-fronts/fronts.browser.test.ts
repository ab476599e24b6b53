import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../support/browser.ts";
import { runCli } from "../../support/cli.ts";
import { type StaticServer, serveStatic } from "../../support/static-server.ts";

/**
 * Issue 21, "Fronts an editor shapes", as readers see them: the sample
 * site's front page and a section front in Debian's Chromium at 390 and
 * 1280 px. The lead's picture is seen and loaded; on a wide screen the
 * featured row and the section blocks use the width; on a phone nothing
 * scrolls sideways; axe finds nothing.
 */
const NOW = "2026-11-24T12:00:00+04:30";
const FRONTS = { home: "/", section: "/national/" } as const;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), "newsroom-21-fronts-browser-"));
  const build = runCli(["build", "--out", out, "--now", NOW]);
  expect(build.status).toBe(0);
  [server, browser] = await Promise.all([serveStatic(out), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

async function open<T>(width: number, url: string, use: (page: Page) => Promise<T>): Promise<T> {
  const phone = width < 600;
  const context = await browser.newContext({ viewport: phone ? VIEWPORTS.phone : VIEWPORTS.desktop, isMobile: phone, hasTouch: phone });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}${url}`, { waitUntil: "load" });
    return await use(page);
  } finally {
    await context.close();
  }
}

/** The lead's picture: loaded (decoded, its own size known), in view at the top of the page, as wide as its box. */
const leadPicture = (page: Page) =>
  page.locator(".lead img").evaluate((img: HTMLImageElement) => {
    const box = img.getBoundingClientRect();
    return {
      loaded: img.complete && img.naturalWidth > 0,
      source: img.currentSrc.split(".").at(-1),
      inView: box.top >= 0 && box.top < window.innerHeight && box.width > 0 && box.height > 0,
      ratio: Math.round((box.width / box.height) * 10) / 10,
    };
  });

/** The right edge of the rightmost box of each kind, as a share of the viewport. */
const rightmost = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((boxes) => Math.max(...boxes.map((b) => b.getBoundingClientRect().right)) / window.innerWidth);

describe.each([390, 1280])("the fronts at %i px", (width) => {
  for (const [name, url] of Object.entries(FRONTS)) {
    it(`show the ${name}'s lead picture loaded, in view, and fit the width`, async () => {
      await open(width, url, async (page) => {
        await page.locator(".lead img").evaluate((img: HTMLImageElement) => img.decode());
        expect(await leadPicture(page)).toEqual({ loaded: true, source: "avif", inView: true, ratio: 1.5 });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(scroll).toBe(0);
        if (width === 1280) {
          // The wide screen is used: the lead beside its picture, the featured row and the blocks below across it.
          expect(await rightmost(page, ".lead .card > :not(picture)")).toBeGreaterThan(0.75);
          expect(await rightmost(page, ".featured-list > li")).toBeGreaterThan(0.75);
          expect(await rightmost(page, name === "home" ? ".home-section" : ".front-rest > li")).toBeGreaterThan(0.75);
        } else {
          // One column: every featured story starts where the lead does.
          const starts = await page.locator(".lead, .featured-list > li").evaluateAll((boxes) => boxes.map((b) => Math.round(b.getBoundingClientRect().left)));
          expect(new Set(starts).size).toBe(1);
        }
      });
    });

    it(`has no axe violations on the ${name}`, async () => {
      await open(width, url, async (page) => {
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(0);
      });
    });
  }
});
