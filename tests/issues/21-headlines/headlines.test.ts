import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, VIEWPORTS } from "../../support/browser.ts";
import { type StaticServer, serveStatic } from "../../support/static-server.ts";
import { article, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21: a headline is balanced and never breaks at a hyphen, so no line
 * of it is one short word, read at a phone's width in Chromium.
 */
const HEADLINES = [
  "Kabul-Mazar highway reopens after week-long closure",
  "Cross-border trade resumes at Torkham as long-awaited deal is signed",
  "Herat-Kandahar rail link wins funding in follow-up talks",
];

let site: Site;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const files: Record<string, string> = {};
  HEADLINES.forEach((title, i) => {
    files[`content/national/story-${i}.md`] = article(`summary: A summary.`, "Body text.").replace("title: A plain headline", `title: ${title}`);
  });
  site = makeSite(files);
  expect(site.build().status).toBe(0);
  server = await serveStatic(site.out);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

/** The text of each line the element's text is laid out in. */
async function lines(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const byTop = new Map<number, string>();
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect === undefined) continue;
          const top = Math.round(rect.top);
          byTop.set(top, (byTop.get(top) ?? "") + text[i]);
        }
      }
      return [...byTop.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, line]) => line.trim())
        .filter((l) => l !== "");
    }),
  );
}

describe("headlines at 390 px", () => {
  it.each(HEADLINES.map((h, i) => [h, i]))("%s: no line is a single short word, none breaks at a hyphen", async (title, i) => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    for (const [url, selector] of [
      [`/national/story-${i}/`, "h1"],
      ["/national/", ".card-title"],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      const all = await lines(page, selector);
      const shown = all.filter((l) => l.join(" ").replace(/\s+/g, "") === String(title).replace(/\s+/g, ""));
      expect(shown.length, `${url} shows the headline`).toBeGreaterThan(0);
      for (const laidOut of shown) {
        for (const line of laidOut) expect(line.split(/\s+/).length > 1 || line.length > 12, `${url}: line "${line}" of ${JSON.stringify(laidOut)}`).toBe(true);
        for (const line of laidOut.slice(0, -1)) expect(line.endsWith("-"), `${url}: breaks at a hyphen: ${JSON.stringify(laidOut)}`).toBe(false);
      }
      // Copying the headline, or searching it, finds the text as written.
      const text = await page.$$eval(selector, (els) => els.map((e) => e.textContent?.trim()));
      expect(text).toContain(title);
    }
    await page.close();
  });
});
