import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/cli.ts";

/**
 * Issue 22, "Picture credits survive": the published files of an article's
 * main picture keep its credit, creator, copyright and licence (XMP, from
 * the front matter), never the original's camera or GPS data; the page's
 * structured data gives them as an ImageObject.
 */
let work: string;
let out: string;

const FRONT = [
  "---",
  "title: Convoys reach Baghlan",
  "date: 2026-10-14T09:30:00+04:30",
  "image:",
  "  src: road.jpg",
  "  alt: Trucks on a mountain road",
  "  caption: The Nahrin road on Thursday.",
  "  credit: Farid Ahmadi / AT News",
  "  creator: Farid Ahmadi",
  "  copyright: © 2026 AT News <all rights>",
  "  license: https://creativecommons.org/licenses/by/4.0/",
  "  acquire_license_page: https://atnews.example.org/licensing/",
  "---",
  "Text.",
  "",
  "![A second picture, credited to nobody](other.jpg)",
  "",
].join("\n");

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-credits-"));
  const bundle = path.join(work, "content", "national", "convoys");
  mkdirSync(bundle, { recursive: true });
  for (const name of ["road.jpg", "other.jpg"]) {
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#7a6d5c" } })
      .jpeg()
      .withExif({
        IFD0: { Artist: "SECRET-AUTHOR", Make: "Canon", Model: "EOS 5D" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 12/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "69/1 7/1 0/1" },
      })
      .toFile(path.join(bundle, name));
  }
  writeFileSync(path.join(bundle, "index.md"), FRONT);
  out = path.join(work, "out");
  const result = runCli(["build", "--content", path.join(work, "content"), "--out", out, "--now", "2026-11-24T12:00:00Z"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const published = (prefix: string): string[] =>
  readdirSync(path.join(out, "national", "convoys")).filter((f) => f.startsWith(prefix) && /\.(jpe?g|webp|avif)$/.test(f));

describe("a published picture's metadata", () => {
  it("keeps the credit, creator, copyright and licence in every format and size of the main picture", async () => {
    const files = published("road");
    expect(new Set(files.map((f) => path.extname(f)))).toEqual(new Set([".avif", ".webp", ".jpg"]));
    for (const file of files) {
      const meta = await sharp(path.join(out, "national", "convoys", file)).metadata();
      const xmp = meta.xmp?.toString("utf8") ?? "";
      expect([file, xmp]).toEqual([file, expect.stringContaining("<rdf:li>Farid Ahmadi</rdf:li>")]);
      expect(xmp).toContain("<photoshop:Credit>Farid Ahmadi / AT News</photoshop:Credit>");
      expect(xmp).toContain("© 2026 AT News &lt;all rights&gt;");
      expect(xmp).toContain("<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>");
      expect([file, meta.exif, meta.iptc]).toEqual([file, undefined, undefined]);
    }
  });

  it("drops the camera, the GPS position and the original's author, in every picture", async () => {
    for (const file of [...published("road"), ...published("other")]) {
      const bytes = readFileSync(path.join(out, "national", "convoys", file));
      for (const marker of ["SECRET-AUTHOR", "EOS 5D", "Canon", "GPS", "Exif\0\0"]) expect([file, marker, bytes.includes(marker)]).toEqual([file, marker, false]);
    }
  });

  it("writes nothing into a picture whose front matter credits nobody", async () => {
    const files = published("other");
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect([file, (await sharp(path.join(out, "national", "convoys", file)).metadata()).xmp]).toEqual([file, undefined]);
  });

  it("describes the main picture as an ImageObject with its credit, creator, copyright and licence", () => {
    const html = readFileSync(path.join(out, "national", "convoys", "index.html"), "utf8");
    const data = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "{}") as Record<string, unknown>);
    const article = data.find((d) => d["@type"] === "NewsArticle");
    const [image] = (article?.image ?? []) as Record<string, unknown>[];
    expect(image).toMatchObject({
      "@type": "ImageObject",
      caption: "The Nahrin road on Thursday.",
      creditText: "Farid Ahmadi / AT News",
      creator: { "@type": "Person", name: "Farid Ahmadi" },
      copyrightNotice: "© 2026 AT News <all rights>",
      license: "https://creativecommons.org/licenses/by/4.0/",
      acquireLicensePage: "https://atnews.example.org/licensing/",
    });
    expect(String(image?.url)).toMatch(/^http.*\/national\/convoys\/road[^/]*\.jpg$/);
  });
});
