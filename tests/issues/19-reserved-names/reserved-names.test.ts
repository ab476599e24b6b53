import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStack, type Run } from "../18-output-folder/support.ts";
import { article, brokenLinks, build, makeSite, treeOf } from "../19-long-names/site.ts";

/**
 * Issue 19 item 4: names Windows reserves (`con`, `aux`, `nul`, `prn`,
 * `com1`–`com9`, `lpt1`–`lpt9`, any case, with an extension or trailing dots)
 * became output folders, so the site could not be copied to Windows; authors
 * or outlets without a letter got the bare `/authors/` page, and tags `.` and
 * `..` linked to `/tags//`. Each gets an address of its own, with a warning
 * naming the field for a reserved name.
 */
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** What Windows makes of a name: the part before the first dot, without trailing dots and spaces. */
const windowsReserved = (segment: string): boolean =>
  /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(
    segment
      .replace(/[. ]+$/, "")
      .split(".")[0]
      ?.trimEnd() ?? "",
  );

describe("names Windows reserves, names without letters", () => {
  const site = makeSite("reserved-names", "name: Reserved\nsections:\n  - World\n  - Aux\noutlet: PRN\n", {
    "world/con.md": article({ title: "Con", tags: ["con", "AUX.txt", "Nul ", "COM1", "lpt9.", "Com¹"], author: "—" }),
    "world/second.md": article({ title: "Second", tags: [".", ".."], authors: ["...", "!!!"], outlet: "nul.tar.gz" }),
    "aux/third.md": article({ title: "Third", tags: ["CON"], author: "Lpt1", outlet: "..." }),
    // Pictures and folders beside an article are copied: under the names Windows reserves too.
    "world/pictured/index.md": article({ title: "Pictured", image: { src: "aux.png", alt: "Lead" } }, "Text.\n\n![Body](con/photo.png)\n\n![Drawing](nul.svg)\n"),
    "world/pictured/nul.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>\n',
  });
  roots.push(site.root);
  let run: Run;
  beforeAll(async () => {
    for (const rel of ["world/pictured/aux.png", "world/pictured/con/photo.png"]) {
      mkdirSync(path.dirname(path.join(site.content, rel)), { recursive: true });
      writeFileSync(
        path.join(site.content, rel),
        await sharp({ create: { width: 60, height: 40, channels: 3, background: "#446688" } })
          .png()
          .toBuffer(),
      );
    }
    run = build(site);
  });

  it("should build, with a warning naming each reserved name's field", () => {
    expect(hasStack(run.stderr), run.stderr).toBe(false);
    expect(run.status, run.stderr).toBe(0);
    const warnings = [...run.stderr.matchAll(/^(\S+):(\d+):(\d+) +warning +address-reserved +The (.+?) `/gm)].map((m) => `${path.basename(m[1] ?? "")} ${m[4]}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        "con.md file name",
        "con.md tag",
        "third.md tag",
        "third.md author",
        "third.md section folder",
        "site.yaml section",
        "site.yaml outlet",
      ]),
    );
    expect(run.stderr).toMatch(/site\.yaml:4:5 +warning +address-reserved/);
  });

  it("should write no file or folder whose name Windows reserves", () => {
    const tree = treeOf(site.out);
    const reserved = tree.filter((p) => p.split("/").some(windowsReserved));
    expect(reserved).toEqual([]);
    // Pictures are published only as the files we encode, named from the original's stem.
    expect(tree.some((p) => /^world\/pictured\/aux_-[0-9a-f]{10}-\d+\.avif$/.test(p))).toBe(true);
    expect(tree.some((p) => /^world\/pictured\/nul_-[0-9a-f]{10}-\d+\.png$/.test(p))).toBe(true);
    expect(tree.filter((p) => p.startsWith("world/pictured/con_/photo-") && p.endsWith(".avif")).length).toBeGreaterThan(0);
  });

  it("should give every author, outlet and tag a page of its own, and link to it", () => {
    const tree = treeOf(site.out);
    const pages = (list: string) => tree.filter((p) => new RegExp(`^${list}/[^/]+/index\\.html$`).test(p));
    // con, aux-txt, nul, com1, lpt9 (and Com¹ = com1, CON = con); `.` and `..`: 7.
    expect(pages("tags")).toHaveLength(7);
    // —, ..., !!!, Lpt1.
    expect(pages("authors")).toHaveLength(4);
    // PRN, nul.tar.gz, ...
    expect(pages("outlets")).toHaveLength(3);
    for (const page of tree.filter((p) => p.endsWith(".html"))) {
      const html = readFileSync(path.join(site.out, page), "utf8");
      expect(html, page).not.toMatch(/href="\/(?:tags|authors|outlets)\/\/?"/);
    }
    expect(brokenLinks(site.out)).toEqual([]);
  });
});
