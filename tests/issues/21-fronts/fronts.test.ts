import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/cli.ts";
import { article, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21, "Fronts an editor shapes": `front: lead | featured` and
 * `section_front:` place a story on the front page and its section front
 * until `pin_until`; leads and featured stories show their pictures, lists
 * a thumbnail, and every page shares a picture. Built by the real CLI as of
 * NOW (24 November 2026, 12:00 Kabul time), and read back from its HTML.
 */
const PIN_ENDS = "2026-11-25T09:00:00+04:30";
const story = (title: string, date: string, fields = "") => article(`${fields}`).replace("A plain headline", title).replace("2026-10-14T09:30:00+04:30", date);
const picture = (fields: string) => `image:\n  src: photo.jpg\n  alt: Trucks on a mountain road\n${fields}`;

const leadOf = (html: string): string | undefined => /<section class="lead"[\s\S]*?<\/section>/.exec(html)?.[0];
const featuredOf = (html: string): string | undefined => /<section class="featured"[\s\S]*?<\/section>/.exec(html)?.[0];
const linksIn = (html: string | undefined): string[] => [...(html ?? "").matchAll(/<h[23] class="card-title"><a href="([^"]+)"/g)].map((m) => m[1] ?? "");

let photo: Buffer;
let site: Site;
beforeAll(async () => {
  photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#6a8caf" } })
    .jpeg()
    .toBuffer();
  site = makeSite({
    "site.yaml":
      "timezone: Asia/Kabul\ntimezone_label: Kabul time\nsections: [National, World, Sport, Business]\nimage:\n  src: /share.jpg\n  alt: The site's name on blue\n",
    "content/national/newest.md": story("The newest story", "2026-11-20T09:00:00+04:30"),
    "content/national/second.md": story("The second story", "2026-11-19T09:00:00+04:30"),
    "content/world/older-lead/index.md": story("An older story the editors lead with", "2026-11-10T09:00:00+04:30", picture(`front: lead\npin_until: ${PIN_ENDS}`)),
    "content/sport/chosen/index.md": story("A featured story", "2026-11-05T09:00:00+04:30", picture("front: featured\nsection_front: lead")),
    "content/sport/newer-sport.md": story("A newer sport story", "2026-11-18T09:00:00+04:30"),
    "content/business/pictured/index.md": story("A story with a picture", "2026-11-01T09:00:00+04:30", picture("")),
    "content/business/later.md": story("A scheduled story marked lead", "2026-12-20T09:00:00+04:30", "front: lead"),
    "content/business/drafted.md": story("A draft marked lead", "2026-11-21T09:00:00+04:30", "front: lead\ndraft: true"),
    "content/national/gone.md": story("A story taken down", "2026-11-22T09:00:00+04:30", "front: featured\nexpires: 2026-11-23T09:00:00+04:30"),
  });
  for (const folder of ["world/older-lead", "sport/chosen", "business/pictured"]) writeFileSync(path.join(site.content, folder, "photo.jpg"), photo);
}, 60_000);
afterAll(() => site.remove());

describe("the front page an editor shapes", () => {
  let result: ReturnType<Site["build"]>;
  let home: string;
  beforeAll(() => {
    result = site.build();
    home = site.outputs().get("index.html") ?? "";
  }, 120_000);

  it("leads with the older story marked `front: lead`, never a draft, a scheduled story or one taken down", () => {
    expect(result.status).toBe(0);
    expect(linksIn(leadOf(home))).toEqual(["/world/older-lead/"]);
    // The lead's picture loads at once, large.
    expect(leadOf(home)).toMatch(
      /<picture class="card-picture card-picture-lead"><source type="image\/avif" srcset="\/world\/older-lead\/photo-[0-9a-f]{10}-480\.avif 480w/,
    );
    expect(leadOf(home)).toMatch(
      /<img src="[^"]+" srcset="[^"]+" sizes="[^"]+" width="1200" height="800" alt="Trucks on a mountain road" loading="eager" fetchpriority="high"\/?>/,
    );
    for (const slug of ["later", "drafted", "gone"]) expect(home).not.toContain(`/${slug}/`);
  });

  it("features the chosen story first, then the newest of each other section, with their pictures lazily", () => {
    const featured = featuredOf(home);
    expect(linksIn(featured)).toEqual(["/sport/chosen/", "/national/newest/", "/business/pictured/"]);
    expect(featured).toContain('<picture class="card-picture card-picture-featured">');
    expect(featured).toMatch(/width="1200" height="800" alt="Trucks on a mountain road" loading="lazy" decoding="async"\/?>/);
    // The newest is not repeated in its section's block below.
    expect(home.split('href="/national/newest/"').length - 1).toBe(1);
  });

  it("publishes every file the pictures' srcset names", () => {
    const files = new Set(readdirSync(site.out, { recursive: true, encoding: "utf8" }).map((rel) => `/${rel.split(path.sep).join("/")}`));
    const named = [...home.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => (m[1] ?? "").split(", ").map((entry) => entry.split(" ")[0] ?? ""));
    expect(named.length).toBeGreaterThan(10);
    for (const file of named) expect([file, files.has(file)]).toEqual([file, true]);
  });

  it("shapes the section front with `section_front`, and shows list thumbnails where a story has a picture", () => {
    const sport = site.outputs().get(path.join("sport", "index.html")) ?? "";
    expect(linksIn(leadOf(sport))).toEqual(["/sport/chosen/"]);
    expect(linksIn(featuredOf(sport))).toEqual(["/sport/newer-sport/"]);
    const business = site.outputs().get(path.join("business", "index.html")) ?? "";
    expect(linksIn(leadOf(business))).toEqual(["/business/pictured/"]);
    const tag = site.outputs().get(path.join("archive", "2026", "index.html")) ?? "";
    expect(tag).toMatch(
      /<article class="card card-with-thumb" lang="en" dir="ltr"><picture class="card-picture card-picture-thumb">[\s\S]*?alt(="")? loading="lazy"/,
    );
    expect(tag.match(/card-picture-thumb/g)).toHaveLength(3);
  });

  it("shares the article's own picture large, and the site's picture elsewhere", () => {
    const own = site.outputs().get(path.join("world", "older-lead", "index.html")) ?? "";
    expect(own).toMatch(/<meta property="og:image" content="http:\/\/localhost:8080\/world\/older-lead\/photo-[0-9a-f]{10}-1200\.jpg"\/?>/);
    expect(own).toMatch(/<meta property="og:image:alt" content="Trucks on a mountain road"\/?>/);
    expect(own).toMatch(/<meta name="twitter:card" content="summary_large_image"\/?>/);
    for (const page of [home, site.outputs().get(path.join("national", "newest", "index.html")) ?? ""]) {
      expect(page).toMatch(/<meta property="og:image" content="http:\/\/localhost:8080\/share\.jpg"\/?>/);
      expect(page).toMatch(/<meta property="og:image:alt" content="The site(&#39;|')s name on blue"\/?>/);
      expect(page).toMatch(/<meta name="twitter:card" content="summary"\/?>/);
    }
  });

  it("says when the pin ends as the next scheduled change, and the story falls back into the usual order then", () => {
    expect(result.stdout).toContain(
      `Next scheduled: ${PIN_ENDS} (2026-11-25T04:30:00Z), ${site.content}/world/older-lead/index.md: build again then to end its pin on the fronts.`,
    );
    const after = site.build(["--now", PIN_ENDS]);
    expect(after.status).toBe(0);
    const later = site.outputs().get("index.html") ?? "";
    expect(linksIn(leadOf(later))).toEqual(["/national/newest/"]);
    expect(linksIn(featuredOf(later))).toEqual(["/sport/chosen/", "/world/older-lead/", "/business/pictured/"]);
  }, 120_000);
});

describe("choices that cannot all be kept", () => {
  it("keeps the newer of two leads and warns the other at its `front`, naming both files", () => {
    const two = makeSite({
      "content/national/first.md": story("First lead", "2026-11-10T09:00:00+04:30", "front: lead"),
      "content/world/second.md": story("Second lead", "2026-11-12T09:00:00+04:30", "front: lead"),
      "content/world/newest.md": story("Newest", "2026-11-20T09:00:00+04:30"),
    });
    try {
      const result = two.build();
      expect(result.status).toBe(0);
      expect(linksIn(leadOf(two.outputs().get("index.html") ?? ""))).toEqual(["/world/second/"]);
      expect(result.stderr).toContain(`${two.content}/national/first.md:4:8  warning  front-lead-several`);
      expect(result.stderr).toContain(
        `\`${two.content}/national/first.md\` and \`${two.content}/world/second.md\` both ask to lead the front page (\`front: lead\`): \`${two.content}/world/second.md\` is newer, so it leads`,
      );
    } finally {
      two.remove();
    }
  }, 120_000);

  it("refuses a value that is not a place on a front, at the value, with a did-you-mean", () => {
    const bad = makeSite({ "content/national/typo.md": story("Typo", "2026-11-10T09:00:00+04:30", "front: leed\nsection_front: top") });
    try {
      const result = bad.build();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("typo.md:4:8  error  field-invalid");
      expect(result.stderr).toContain('`front` must be `lead` or `featured`, not the text "leed" (did you mean `lead`?).');
      expect(result.stderr).toContain("typo.md:5:16  error  field-invalid");
      expect(result.stderr).toContain('`section_front` must be `lead` or `featured`, not the text "top".');
    } finally {
      bad.remove();
    }
  }, 120_000);
});

describe("the sample site", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), "newsroom-21-fronts-"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("has an editor-chosen lead, and every HTML page shares a picture (large where it is its own)", () => {
    const result = runCli(["build", "--out", out, "--now", "2026-11-24T12:00:00+04:30"]);
    expect(result.status).toBe(0);
    // The text-only edition shares nothing: its canonical link is the full page, which does.
    const html = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((rel) => rel.endsWith(".html") && !rel.startsWith("lite/"));
    expect(html.length).toBeGreaterThan(50);
    for (const rel of html) {
      const page = readFileSync(path.join(out, rel), "utf8");
      const image = /<meta property="og:image" content="([^"]+)"\/?>/.exec(page)?.[1];
      expect([rel, image]).toEqual([rel, expect.stringMatching(/^https:\/\/kabul-ledger\.example\.org\//)]);
      expect([rel, page.includes('<meta property="og:image:alt" content="')]).toEqual([rel, true]);
      const own = !image?.endsWith("/share.jpg");
      expect([rel, /<meta name="twitter:card" content="([^"]+)"\/?>/.exec(page)?.[1]]).toEqual([rel, own ? "summary_large_image" : "summary"]);
      if (own) expect(existsSync(path.join(out, new URL(image ?? "").pathname))).toBe(true);
    }
    expect(existsSync(path.join(out, "share.jpg"))).toBe(true);
    const home = readFileSync(path.join(out, "index.html"), "utf8");
    expect(linksIn(leadOf(home))).toEqual(["/business/wheat-harvest-report-shows-shortfall/"]);
    expect(linksIn(featuredOf(home)).slice(0, 3)).toEqual([
      "/world/climate-summit-adaptation-finance-deal/",
      "/region/sistan-farmers-protest-water-shortage/",
      "/national/kunduz-river-breaches-embankments/",
    ]);
    expect(linksIn(leadOf(readFileSync(path.join(out, "national", "index.html"), "utf8")))).toEqual(["/national/aid-convoys-reach-baghlan/"]);
  }, 180_000);
});
