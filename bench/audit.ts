/**
 * `npm run audit`: what the reader's browser receives. Builds the sample site,
 * reports the weight of each kind of page (HTML, CSS, script; pictures aside,
 * raw and gzipped) against the budget (an article's HTML plus CSS under
 * 40 KB), then runs Lighthouse 12 in Debian's Chromium on the home page and an
 * article, served from 127.0.0.1 by a plain static server.
 * `--no-lighthouse` reports the weights only. Exit code 1 when a budget is broken.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/support/browser.ts";
import { installHint } from "../tests/support/find-browser.mjs";
import { serveStatic } from "../tests/support/static-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NOW = "2026-11-24T12:00:00+04:30";
const BUDGET = 40 * 1024;
const CSS_BUDGET = 20 * 1024;
/** A text-only page, compressed, as a reader on slow mobile data downloads it: one request. */
const LITE_BUDGET = 5 * 1024;

const PAGES = [
  ["home", "/"],
  ["section", "/national/"],
  ["article with pictures", "/national/aid-convoys-reach-baghlan/"],
  ["right-to-left article", "/national/baghlan-floods-dari/"],
  ["search", "/search/"],
] as const;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function build(out: string): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "build", "--out", out, "--now", NOW], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "true" },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
}

/** Every page of the text-only edition, relative to the output. */
function litePages(out: string): string[] {
  return (readdirSync(path.join(out, "lite"), { recursive: true, encoding: "utf8" }) as string[])
    .filter((rel) => rel.endsWith("index.html"))
    .map((rel) => path.join("lite", rel))
    .sort();
}

/** The page and what it loads besides pictures: stylesheets and scripts of our own. */
function weigh(out: string, url: string): { html: number; css: number; js: number; gzip: number } {
  const html = readFileSync(path.join(out, url, "index.html"));
  const text = html.toString("utf8");
  const files = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => readFileSync(path.join(out, m[1] ?? "")));
  const css = files(/<link rel="stylesheet" href="([^"]+)"/g);
  const js = files(/<script type="module" src="([^"]+)"/g);
  const all = [html, ...css, ...js];
  const sum = (list: Buffer[]) => list.reduce((n, b) => n + b.length, 0);
  return { html: html.length, css: sum(css), js: sum(js), gzip: all.reduce((n, b) => n + gzipSync(b).length, 0) };
}

async function lighthouseScores(chromePath: string, base: string, urls: readonly (readonly [string, string])[]): Promise<string[]> {
  const { launch } = await import("chrome-launcher");
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launch({ chromePath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  const lines: string[] = [];
  try {
    for (const [name, url] of urls) {
      const result = await lighthouse(`${base}${url}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
      const c = result.lhr.categories;
      const score = (key: string) => Math.round((c[key]?.score ?? 0) * 100);
      const metric = (id: string) => result.lhr.audits[id]?.displayValue ?? "?";
      lines.push(
        `${name.padEnd(22)} performance ${score("performance")}, accessibility ${score("accessibility")}, best practices ${score("best-practices")}, SEO ${score("seo")}` +
          `  (LCP ${metric("largest-contentful-paint")}, CLS ${metric("cumulative-layout-shift")}, TBT ${metric("total-blocking-time")})`,
      );
    }
  } finally {
    chrome.kill();
  }
  return lines;
}

const work = mkdtempSync(path.join(tmpdir(), "newsroom-audit-"));
let failed = false;
try {
  const out = path.join(work, "site");
  build(out);
  process.stdout.write(`Page weights of the sample site (pictures aside; budget: an article's HTML + CSS under ${kb(BUDGET)}):\n`);
  for (const [name, url] of PAGES) {
    const w = weigh(out, url);
    const total = w.html + w.css + w.js;
    const over = url.split("/").length === 4 && w.html + w.css > BUDGET;
    failed ||= over;
    process.stdout.write(
      `  ${name.padEnd(22)} HTML ${kb(w.html).padStart(8)}  CSS ${kb(w.css).padStart(8)}  JS ${kb(w.js).padStart(7)}  = ${kb(total).padStart(8)} (${kb(w.gzip)} gzipped)${over ? "  OVER BUDGET" : ""}\n`,
    );
  }
  const css = readFileSync(path.join(out, "css", "site.css")).length;
  failed ||= css > CSS_BUDGET;
  process.stdout.write(`  the stylesheet: one file, ${kb(css)} (budget ${kb(CSS_BUDGET)})\n`);
  const lite = litePages(out);
  const sizes = lite.map((rel) => ({ rel, gzip: gzipSync(readFileSync(path.join(out, rel))).length })).sort((a, b) => a.gzip - b.gzip);
  const over = sizes.filter((s) => s.gzip > LITE_BUDGET);
  failed ||= over.length > 0;
  const median = sizes[Math.floor(sizes.length / 2)];
  const largest = sizes.at(-1);
  process.stdout.write(
    `Text-only edition (/lite/, one request a page, gzipped; budget ${kb(LITE_BUDGET)}): ${sizes.length} pages, median ${kb(median?.gzip ?? 0)}, largest ${kb(largest?.gzip ?? 0)} (${largest?.rel ?? "none"})` +
      `${over.length > 0 ? `  OVER BUDGET: ${over.map((s) => s.rel).join(", ")}` : ""}\n`,
  );
  for (const [name, url] of [
    ["lite front page", "/lite/"],
    ["lite article", "/lite/national/aid-convoys-reach-baghlan/"],
    ["lite right-to-left", "/lite/national/baghlan-floods-dari/"],
  ] as const) {
    const bytes = readFileSync(path.join(out, url, "index.html"));
    process.stdout.write(`  ${name.padEnd(22)} HTML ${kb(bytes.length).padStart(8)} (${kb(gzipSync(bytes).length)} gzipped)\n`);
  }
  if (!process.argv.includes("--no-lighthouse")) {
    if (CHROMIUM === undefined) throw new Error(`no Chromium found: ${installHint()}`);
    const server = await serveStatic(out);
    try {
      process.stdout.write(
        `Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version} (mobile, simulated throttling) in ${CHROMIUM}:\n`,
      );
      for (const line of await lighthouseScores(CHROMIUM, server.url, [PAGES[0], PAGES[2]])) process.stdout.write(`  ${line}\n`);
    } finally {
      await server.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
