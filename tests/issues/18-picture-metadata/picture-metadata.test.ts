import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../../support/cli.ts";
import { picturesUnder, pngChunk, rawPng } from "../../support/picture-files.ts";

/**
 * Issue 18 item 2, and the Done-when's picture-metadata check over the whole
 * sample site: no published picture carries EXIF or IPTC (camera, author,
 * GPS position), whatever the original held; every one is re-encoded. The
 * only XMP kept is the packet of credit, creator, copyright and licence the
 * front matter gives (issue 22, tests/issues/22-picture-credits).
 */
let work: string;

/** Markers of metadata in any container: EXIF's header, XMP's packet, PNG's text and EXIF chunks, a GPS tag name. */
const MARKERS = [
  "Exif\0\0",
  "Farida Noori",
  "EOS 5D",
  "<x:xmpmeta",
  "http://ns.adobe.com/xap",
  "eXIf",
  "tEXt",
  "iTXt",
  "zTXt",
  "GPSLatitude",
  "SECRET-AUTHOR",
  "SECRET-PLACE",
];

const XMP_MARKERS = new Set(["<x:xmpmeta", "http://ns.adobe.com/xap"]);
/** The properties of a rights packet: credit, creator, copyright, licence, and RDF's own containers. */
const RIGHTS = new Set([
  "x:xmpmeta",
  "rdf:RDF",
  "rdf:Description",
  "rdf:Seq",
  "rdf:Alt",
  "rdf:li",
  "dc:creator",
  "dc:rights",
  "photoshop:Credit",
  "xmpRights:Marked",
  "xmpRights:WebStatement",
]);
function rightsOnly(xmp: string): boolean {
  const elements = [...xmp.matchAll(/<([A-Za-z][\w.-]*:[\w.-]+)/g)].map((m) => m[1] ?? "");
  return elements.length > 0 && elements.every((name) => RIGHTS.has(name));
}

async function expectNoMetadata(out: string): Promise<number> {
  // The site's own files in public/ (favicon, logo, the shared picture) are copied as they are, not re-encoded from an article's.
  const pictures = picturesUnder(out).filter((rel) => !existsSync(path.join(ROOT, "public", rel)));
  for (const rel of pictures) {
    const bytes = readFileSync(path.join(out, rel));
    const meta = await sharp(bytes).metadata();
    expect([rel, meta.exif, meta.iptc, meta.comments]).toEqual([rel, undefined, undefined, undefined]);
    // The one packet a picture may keep: who made it and on what terms (issue 22), from the front matter.
    if (meta.xmp !== undefined) expect([rel, rightsOnly(meta.xmp.toString("utf8"))]).toEqual([rel, true]);
    const markers = meta.xmp === undefined ? MARKERS : MARKERS.filter((m) => !XMP_MARKERS.has(m));
    for (const marker of markers) expect([rel, marker, bytes.includes(marker)]).toEqual([rel, marker, false]);
  }
  return pictures.length;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-picture-metadata-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("metadata of published pictures", () => {
  it("should hold none in any picture of the sample site, whose convoy photo carries EXIF and GPS", async () => {
    const original = await sharp(path.join(ROOT, "content/national/aid-convoys-reach-baghlan/convoy.jpg")).metadata();
    expect(original.exif).toBeDefined();
    const out = path.join(work, "sample");
    const result = runCli(["build", "--content", path.join(ROOT, "content"), "--site", path.join(ROOT, "site.yaml"), "--out", out, "--now", "2026-11-24T12:00:00Z"]);
    expect(result.status, result.stderr).toBe(0);
    expect(await expectNoMetadata(out)).toBeGreaterThan(10);
  });

  it("should strip a GPS-tagged JPEG and a PNG with eXIf, tEXt and XMP chunks", async () => {
    const content = path.join(work, "content");
    const bundle = path.join(content, "national", "tagged");
    mkdirSync(bundle, { recursive: true });
    await sharp({ create: { width: 640, height: 480, channels: 3, background: "#4a6d8c" } })
      .jpeg()
      .withExif({
        IFD0: { Artist: "SECRET-AUTHOR", Make: "SECRET-PLACE", Copyright: "SECRET-AUTHOR" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 12/1 30/1", GPSLongitudeRef: "E", GPSLongitude: "69/1 7/1 0/1" },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">SECRET-PLACE</rdf:RDF></x:xmpmeta>')
      .toFile(path.join(bundle, "gps.jpg"));
    const tagged = await sharp(path.join(bundle, "gps.jpg")).metadata();
    expect([tagged.exif?.includes("SECRET-AUTHOR"), tagged.xmp !== undefined]).toEqual([true, true]);
    const exif = Buffer.concat([Buffer.from("MM\0*\0\0\0\x08", "latin1"), Buffer.from("GPSLatitude SECRET-PLACE")]);
    writeFileSync(
      path.join(bundle, "chunks.png"),
      rawPng(300, 200, {
        extra: [
          pngChunk("eXIf", exif),
          pngChunk("tEXt", Buffer.from("Author\0SECRET-AUTHOR", "latin1")),
          pngChunk("iTXt", Buffer.from("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>SECRET-PLACE</x:xmpmeta>", "latin1")),
        ],
      }),
    );
    writeFileSync(
      path.join(bundle, "index.md"),
      "---\ntitle: Tagged\ndate: 2026-10-14T09:30:00+04:30\nimage:\n  src: gps.jpg\n  alt: A road\n---\nText.\n\n![A chart](chunks.png)\n",
    );
    const out = path.join(work, "tagged-out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", "2026-11-24T12:00:00Z"]);
    expect(result.status, result.stderr).toBe(0);
    // gps.jpg at 480 and 640 pixels, chunks.png at 300, each in AVIF, WebP and its fallback.
    expect(await expectNoMetadata(out)).toBe(9);
  });
});
