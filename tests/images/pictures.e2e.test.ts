import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeBytes } from "../../src/images/probe.ts";
import { ROOT } from "../support/cli.ts";

/**
 * Pictures through the real CLI: a bundle with a lead picture taken with the
 * camera turned (EXIF orientation 6) and a PNG chart in the body; another
 * with a picture that is missing and one that is not a picture at all.
 */
const NOW = "2026-10-20T12:00:00+04:30";
let work: string;

/** `npm run build` on a content folder, with `env` added. */
function build(content: string, out: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), "build", "--content", content, "--out", out, "--now", NOW], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
  });
}

const article = (frontMatter: string, body: string): string =>
  `---\ntitle: Pictures\ndate: 2026-10-14T09:30:00+04:30\n${frontMatter}---\nThe convoy reached Nahrin.\n\n${body}\n`;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-pictures-"));
  const good = path.join(work, "good", "national", "convoy");
  mkdirSync(good, { recursive: true });
  // Stored 600×900, shown 900×600 once turned upright.
  await sharp({ create: { width: 600, height: 900, channels: 3, background: "#4a6d8c" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toFile(path.join(good, "lead.jpg"));
  await sharp({ create: { width: 1000, height: 500, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } })
    .png()
    .toFile(path.join(good, "chart.png"));
  writeFileSync(
    path.join(good, "index.md"),
    article("image:\n  src: lead.jpg\n  caption: The road to Nahrin.\n", '![Flour prices by month](chart.png "Prices since June.")\n\n![](chart.png)'),
  );
  const bad = path.join(work, "bad", "national", "broken");
  mkdirSync(bad, { recursive: true });
  writeFileSync(path.join(bad, "not-a-picture.jpg"), "this is text\n");
  writeFileSync(path.join(bad, "index.md"), article("", "![A lost picture](gone.jpg)\n\n![A picture that is text](not-a-picture.jpg)"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("pictures beside an article", () => {
  it("should refuse a missing picture and a file that is not one, each at its line, and publish nothing", () => {
    const out = path.join(work, "bad-out");
    const result = build(path.join(work, "bad"), out);
    expect(result.status).toBe(1);
    const file = `${path.join(work, "bad")}/national/broken/index.md`;
    expect(result.stderr).toContain(`${file}:7:1  error  image-missing  The picture \`gone.jpg\` is not beside the article.`);
    expect(result.stderr).toContain(`${file}:9:1  error  image-unreadable  The picture \`not-a-picture.jpg\` cannot be published:`);
    expect(existsSync(out)).toBe(false);
  });

  it("should resize them into AVIF, WebP and a fallback, upright, with their size in the page, and warn of missing alt text", async () => {
    const out = path.join(work, "good-out");
    const result = build(path.join(work, "good"), out);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("national/convoy/index.md:4:1  warning  image-alt-missing  The picture `lead.jpg` has no alt text");
    expect(result.stderr).toContain("national/convoy/index.md:12:1  warning  image-alt-missing  The picture `chart.png` has no alt text");

    const dir = path.join(out, "national", "convoy");
    const html = readFileSync(path.join(dir, "index.html"), "utf8");
    const lead = /<figure class="article-image"><picture>(.*?)<\/picture>/.exec(html)?.[1] ?? "";
    expect(lead).toMatch(
      /^<source type="image\/avif" srcset="lead-[0-9a-f]{10}-480\.avif 480w, lead-[0-9a-f]{10}-800\.avif 800w, lead-[0-9a-f]{10}-900\.avif 900w"/,
    );
    expect(lead).toContain(' width="900" height="600" alt="" loading="eager" fetchpriority="high">');
    const chart = /<figure class="body-image"><picture>(.*?)<\/picture><figcaption>Prices since June\.<\/figcaption><\/figure>/.exec(html)?.[1] ?? "";
    expect(chart).toContain('<img src="chart-');
    expect(chart).toMatch(/\.png" srcset="chart-[0-9a-f]{10}-480\.png 480w, chart-[0-9a-f]{10}-800\.png 800w, chart-[0-9a-f]{10}-1000\.png 1000w"/);
    expect(chart).toContain(' width="1000" height="500" alt="Flour prices by month" loading="lazy" decoding="async">');
    expect(html).not.toContain("data-line");

    const files = readdirSync(dir)
      .filter((f) => /-[0-9a-f]{10}-\d+\./.test(f))
      .sort();
    expect(files.length).toBe(18);
    for (const file of files) {
      const meta = await sharp(path.join(dir, file)).metadata();
      const width = Number(/-(\d+)\.\w+$/.exec(file)?.[1]);
      expect([file, meta.width, meta.exif, meta.orientation]).toEqual([file, width, undefined, undefined]);
      if (file.startsWith("lead-")) expect(meta.height).toBe(Math.round((width * 600) / 900));
    }
    // The originals stay out of the site: only the files encoded from them are published.
    expect(existsSync(path.join(dir, "lead.jpg"))).toBe(false);
    expect(existsSync(path.join(dir, "chart.png"))).toBe(false);
    expect(await probeBytes(readFileSync(path.join(work, "good", "national", "convoy", "lead.jpg")), "lead.jpg")).toMatchObject({
      kind: "raster",
      width: 900,
      height: 600,
    });
  });

  it("should encode the same pictures to the same bytes, with or without the cache", () => {
    const first = path.join(work, "good-out");
    const cold = path.join(work, "cold-out");
    const result = build(path.join(work, "good"), cold, { NEWSROOM_CACHE: "off" });
    expect(result.status).toBe(0);
    const dir = ["national", "convoy"];
    for (const file of readdirSync(path.join(first, ...dir))) {
      expect([file, readFileSync(path.join(cold, ...dir, file)).equals(readFileSync(path.join(first, ...dir, file)))]).toEqual([file, true]);
    }
  });
});
