import type { Element, ElementContent, Text as HastText, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/browser.ts";
import type { CliResult } from "../../support/cli.ts";
import { type StaticServer, serveStatic } from "../../support/static-server.ts";
import { makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 18 item 4, in the pages: a U+202E in an outlet's name reversed the
 * date after it in list cards. Every piece of an editor's text that sits
 * beside other text is isolated (`<bdi>` or `dir`), so no bidi control in it
 * reaches past it; `<title>`, which holds no elements, isolates with
 * U+2068…U+2069. Checked in the HTML, then in Chromium by where the date is drawn.
 */
const RLO = "\u202e";
const RLI = "\u2067";
const PDI = "\u2069";
const LRE = "\u202a";

let site: Site;
let build: CliResult;

beforeAll(() => {
  site = makeSite({
    "site.yaml": [
      `name: "Ledger${RLO}"`,
      "url: https://test.example.org",
      `description: "Independent ${RLI}news"`,
      "sections:",
      `  - title: "Nation${RLO}al"`,
      "    slug: national",
      "authors:",
      `  - name: "Farida ${RLO}Noori"`,
      `    role: "Corr${LRE}espondent"`,
      "",
    ].join("\n"),
    "content/national/evil.md": [
      "---",
      `title: "Floods ${RLI}hit${PDI}${PDI} ${RLO}Baghlan"`,
      "date: 2026-10-14T09:30:00+04:30",
      `outlet: "AT ${RLO}News"`,
      `dateline: "KA${RLO}BUL"`,
      `author: "Farida ${RLO}Noori"`,
      `tags: ["flo${RLO}ods", "aid"]`,
      "image:",
      "  src: https://cdn.example.org/photo.jpg",
      '  alt: "Trucks"',
      `  caption: "Trucks ${RLO}on the road"`,
      `  credit: "Photo ${RLO}AP"`,
      "check_also:",
      `  - title: "Wire ${RLO}copy"`,
      "    url: https://wire.example.com/a",
      "corrections:",
      "  - date: 2026-10-15T09:00:00+04:30",
      `    text: "Fixed ${RLO}it."`,
      "---",
      "Floodwaters swept through villages overnight.",
      "",
    ].join("\n"),
    "content/national/calm.md": "---\ntitle: Calm\ndate: 2026-10-13T09:30:00+04:30\noutlet: Plain Outlet\n---\nText.\n",
    // A right-to-left card: its English date must still read left to right (issue 22: "October 2026 14").
    "content/national/dari.md": "---\ntitle: سیلاب در بغلان\ndate: 2026-10-14T10:30:00+04:30\nlang: fa-AF\noutlet: Dari Desk\n---\nمتن.\n",
  });
  build = site.build();
});
afterAll(() => site.remove());

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
/** Elements that end a paragraph: bidi controls inside cannot reach text outside them. */
const BLOCKS = new Set([
  "html",
  "body",
  "head",
  "main",
  "header",
  "footer",
  "nav",
  "section",
  "article",
  "aside",
  "div",
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "figure",
  "figcaption",
  "blockquote",
  "table",
  "td",
  "th",
  "form",
  "title",
]);

/** Text nodes with a bidi control that could reorder text beside them, with the path that leaks. */
function leaks(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: Root | Element, ancestors: (Root | Element)[]): void => {
    for (const child of node.children as ElementContent[]) {
      // Scripts (JSON-LD) and styles are not drawn.
      if (child.type === "element" && child.tagName !== "script" && child.tagName !== "style") walk(child, [...ancestors, node]);
      else if (child.type === "text" && BIDI.test(child.value)) found.push(...leakOf(child, [...ancestors, node]));
    }
  };
  walk(tree, []);
  return found;
}

function leakOf(text: HastText, ancestors: (Root | Element)[]): string[] {
  // Going up from the text: isolated at a <bdi> or an element with `dir`, or a block, before any sibling joins it.
  let inner: Root | Element | HastText = text;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i] as Root | Element;
    if (parent.type === "element" && (parent.tagName === "bdi" || parent.properties.dir !== undefined)) return [];
    if (parent.type === "element" && parent.tagName === "title") return isolatedTitle(parent) ? [] : [`<title>${JSON.stringify(text.value)}`];
    if (parent.type === "element" && BLOCKS.has(parent.tagName) && parent.children.length === 1) return [];
    const siblings = (parent.children as ElementContent[]).filter((c) => c !== inner && !(c.type === "text" && c.value.trim() === ""));
    if (siblings.length > 0) {
      const tags = ancestors
        .slice(i)
        .map((a) => (a.type === "element" ? a.tagName : "#root"))
        .join(">");
      return [`${tags}: ${JSON.stringify(text.value)}`];
    }
    inner = parent;
  }
  return [];
}

/** Every bidi run of the title's text is closed before the text after it (U+2068 … U+2069 around each piece). */
function isolatedTitle(title: Element): boolean {
  const value = title.children.map((c) => (c.type === "text" ? c.value : "")).join("");
  return value.split(" | ").every((piece) => !BIDI.test(piece) || (piece.startsWith("\u2068") && piece.endsWith("\u2069") && balanced(piece)));
}

function balanced(piece: string): boolean {
  let open = 0;
  for (const ch of piece) {
    if (ch === "\u2066" || ch === "\u2067" || ch === "\u2068") open++;
    else if (ch === "\u2069" && --open < 0) return false;
  }
  return open === 0;
}

describe("editors' text with bidi controls in the pages", () => {
  it("builds", () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it("is isolated wherever it sits beside other text, on every page", () => {
    const pages = [...site.outputs()].filter(([rel]) => rel.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(8);
    const found = pages.flatMap(([rel, html]) => leaks(fromHtml(html)).map((leak) => `${rel}: ${leak}`));
    expect(found).toEqual([]);
    // The fixture did reach the pages it is meant to test.
    const article = site.outputs().get("national/evil/index.html") ?? "";
    for (const text of [
      "AT \u202eNews",
      "KA\u202eBUL",
      "flo\u202eods",
      "Trucks \u202eon the road",
      "Photo \u202eAP",
      "Fixed \u202eit.",
      "Wire \u202ecopy",
      "Corr\u202aespondent",
    ]) {
      expect(article).toContain(text);
    }
  });
});

describe("in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveStatic(site.out), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws each card's date after the outlet, left to right, as in a card without controls, in a right-to-left card too", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/national/`);
    const cards = await page.$$eval(".card", (nodes) =>
      nodes.map((card) => {
        const outlet = card.querySelector(".card-outlet") as HTMLElement;
        const time = card.querySelector("time") as HTMLElement;
        const text = time.firstChild as Text;
        const at = (i: number) => {
          const range = document.createRange();
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          return range.getBoundingClientRect().left;
        };
        return {
          outlet: outlet.textContent,
          rtl: getComputedStyle(card).direction === "rtl",
          outletLeft: outlet.getBoundingClientRect().left,
          timeRight: time.getBoundingClientRect().right,
          outletRight: outlet.getBoundingClientRect().right,
          timeLeft: time.getBoundingClientRect().left,
          firstCharLeft: at(0),
          lastCharLeft: at((text.textContent ?? "").length - 1),
        };
      }),
    );
    expect(cards.map((c) => c.outlet).sort()).toEqual(["AT \u202eNews", "Dari Desk", "Plain Outlet"]);
    expect(cards.filter((c) => c.rtl).map((c) => c.outlet)).toEqual(["Dari Desk"]);
    for (const card of cards) {
      if (card.rtl) expect(card.timeRight, card.outlet ?? "").toBeLessThanOrEqual(card.outletLeft);
      else expect(card.timeLeft, card.outlet ?? "").toBeGreaterThanOrEqual(card.outletRight);
      expect(card.firstCharLeft, card.outlet ?? "").toBeLessThan(card.lastCharLeft);
    }
    await page.close();
  });

  it("draws the byline's date after the author, left to right", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/national/evil/`);
    const byline = await page.$eval(".byline", (p) => {
      const time = p.querySelector("time") as HTMLElement;
      const text = time.firstChild as Text;
      const range = document.createRange();
      const at = (i: number) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      const authors = p.querySelector(".byline-authors") as HTMLElement;
      return {
        authorsRight: authors.getBoundingClientRect().right,
        first: at(0),
        last: at((text.textContent ?? "").length - 1),
        top: time.getBoundingClientRect().top,
        authorsTop: authors.getBoundingClientRect().top,
      };
    });
    if (byline.top === byline.authorsTop) expect(byline.first).toBeGreaterThanOrEqual(byline.authorsRight);
    expect(byline.first).toBeLessThan(byline.last);
    await page.close();
  });
});
