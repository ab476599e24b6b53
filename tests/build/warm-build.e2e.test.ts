import { spawnSync } from "node:child_process";
import { cpSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARD_PAGES_VARIABLE, shardCount, shardFolder, shardOf } from "../../src/search/shards.ts";
import { ROOT, snapshotTree } from "../support/cli.ts";

/**
 * A warm build (parses from the cache, pages carried over from the previous
 * output) must publish the very bytes a cold build of the same content
 * publishes: every file, including the pages of other articles that the
 * edit changes, and whatever state the cache or the old output is in.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T12:00:00+04:30";

let work: string;
let site: string;
const cacheDir = () => path.join(work, "cache");

interface Built {
  readonly status: number | null;
  readonly stderr: string;
  readonly timings: {
    /** Article views made: those of pages the previous output holds as their inputs would make them are not. */
    modelled: number;
    rendered: number;
    carried: number;
    hits: number;
    parsed: number;
    ignored?: string;
    search: { pages: number; shardsIndexed: number; shardsCarried: number };
  };
}

function build(out: string, cache: string): Built {
  const result = spawnSync(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), "build", "--content", path.join(site, "content"), "--out", out, "--now", NOW], {
    cwd: ROOT,
    encoding: "utf8",
    // A shard per page or so: several shards of the fixture's few articles.
    env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: cache, NEWSROOM_TIMINGS: "1", [SHARD_PAGES_VARIABLE]: "1" },
    timeout: 120_000,
  });
  const line = /^timings: (.*)$/m.exec(result.stderr)?.[1];
  return { status: result.status, stderr: result.stderr, timings: line === undefined ? ({} as Built["timings"]) : JSON.parse(line) };
}

function expectSameTree(actual: string, expected: string): void {
  const a = snapshotTree(actual);
  const b = snapshotTree(expected);
  expect([...a.keys()]).toEqual([...b.keys()]);
  const differing = [...b].filter(([file, bytes]) => !a.get(file)?.equals(bytes)).map(([file]) => file);
  expect(differing).toEqual([]);
}

/** The search index's files (pagefind/<shard>/…) with their inodes: a shard carried over is the previous build's files, linked. */
function searchInodes(out: string): Map<string, number> {
  const dir = path.join(out, "pagefind");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());
  return new Map(files.sort().map((f) => [f, statSync(path.join(dir, f)).ino]));
}

/** The shards (`01`, `13`, …) whose files are not the same files as in `before`. */
function reindexedShards(before: Map<string, number>, after: Map<string, number>): string[] {
  const shards = new Set<string>();
  for (const [file, ino] of after) if (file.includes(path.sep) && before.get(file) !== ino) shards.add(file.split(path.sep)[0] as string);
  return [...shards].sort();
}

const edit = (rel: string, from: string, to: string): void => {
  const file = path.join(site, "content", rel);
  writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
};

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-warm-"));
  site = path.join(work, "site");
  cpSync(FIXTURE, site, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a warm build", () => {
  it("should carry over unchanged pages and publish exactly what a cold build of the edited content publishes", () => {
    const out = path.join(work, "out");
    const first = build(out, cacheDir());
    expect(first.stderr.replace(/^timings: .*\n/m, "")).toBe("");
    expect(first.status).toBe(0);
    expect(first.timings.carried).toBe(0);
    const before = readFileSync(path.join(out, "national/floods-hit-baghlan/index.html"), "utf8");

    // Another article's Check Also box shows this title: its page must change too.
    edit("national/aid-reaches-baghlan.md", "title: Aid reaches Baghlan", "title: First aid convoys reach Baghlan");
    // The published page, held by a second name: pages are linked into the new output before the
    // changed ones are rendered, and a page written into such a link would change the published one.
    const held = path.join(work, "published-page.html");
    linkSync(path.join(out, "national/floods-hit-baghlan/index.html"), held);
    const warm = build(out, cacheDir());
    expect(warm.status).toBe(0);
    expect(warm.timings.parsed).toBe(1);
    expect(warm.timings.carried).toBeGreaterThan(0);
    expect(warm.timings.rendered).toBeGreaterThan(0);
    // Pages whose inputs did not change were carried without their views being made.
    expect(first.timings.modelled).toBeGreaterThan(warm.timings.modelled);
    const after = readFileSync(path.join(out, "national/floods-hit-baghlan/index.html"), "utf8");
    expect(before).not.toContain("First aid convoys reach Baghlan");
    expect(after).toContain("First aid convoys reach Baghlan");
    expect(readFileSync(held, "utf8")).toBe(before);

    const cold = path.join(work, "cold");
    expect(build(cold, "off").status).toBe(0);
    expectSameTree(out, cold);

    // An article taken down: its page, and the pages only it had (its tags'), go with their folders.
    const taken = path.join(site, "content/world/wire-copy.md");
    const text = readFileSync(taken, "utf8");
    rmSync(taken);
    try {
      expect(build(out, cacheDir()).status).toBe(0);
      rmSync(cold, { recursive: true });
      expect(build(cold, "off").status).toBe(0);
      expect(readdirSync(path.join(cold, "world"))).not.toContain("wire-copy");
      expectSameTree(out, cold);
    } finally {
      // Put back, and published again: the tests below start from the whole fixture.
      writeFileSync(taken, text);
    }
    expect(build(out, cacheDir()).status).toBe(0);
  });

  it("should index again only the search shards whose articles changed, and nothing after no change", () => {
    const out = path.join(work, "out");
    const before = searchInodes(out);
    const unchanged = build(out, cacheDir());
    expect(unchanged.status).toBe(0);
    expect(unchanged.timings.search.shardsIndexed).toBe(0);
    expect(unchanged.timings.search.shardsCarried).toBeGreaterThan(1);
    const after = searchInodes(out);
    expect(reindexedShards(before, after)).toEqual([]);

    // A new article changes the lists and related boxes of many pages, but the searchable documents
    // (src/search/searchable.ts) of only two: its own, and the article whose Check Also now shows it.
    const added = path.join(site, "content/world/talks-resume.md");
    writeFileSync(
      added,
      "---\ntitle: Talks resume in Geneva\ndate: 2026-10-18T07:00:00Z\ndateline: Geneva\noutlet: Ledger Wire\ntags: [climate]\n---\nDelegates resumed their climate talks.\n",
    );
    const grown = build(out, cacheDir());
    expect(grown.status).toBe(0);
    expect(grown.timings.rendered).toBeGreaterThan(2);
    expect(readFileSync(path.join(out, "world/wire-copy/index.html"), "utf8")).toMatch(/check-also[\s\S]*Talks resume in Geneva/);
    const count = shardCount(grown.timings.search.pages, 1);
    expect(count).toBe(shardCount(unchanged.timings.search.pages, 1));
    const changed = [
      ...new Set(["world/talks-resume/index.html", "world/wire-copy/index.html"].map((page) => path.basename(shardFolder(shardOf(page, count))))),
    ].sort();
    expect(reindexedShards(after, searchInodes(out))).toEqual(changed);
    expect(grown.timings.search.shardsIndexed).toBe(changed.length);
    expect(grown.timings.search.pages).toBe(unchanged.timings.search.pages + 1);
    const cold = path.join(work, "cold-added");
    expect(build(cold, "off").status).toBe(0);
    expectSameTree(out, cold);
    rmSync(added);
  }, 240_000);

  it("should make again the article pages a change in the site's config changes, though no article changed", () => {
    const out = path.join(work, "out");
    const siteFile = path.join(site, "site.yaml");
    const config = readFileSync(siteFile, "utf8");
    expect(build(out, cacheDir()).status).toBe(0);
    // The bio is shown only in the author box of the articles she wrote: not in the pages' chrome.
    writeFileSync(siteFile, config.replace("Farida covers the northern provinces.", "Farida reports from Baghlan and Kunduz."));
    try {
      const warm = build(out, cacheDir());
      expect(warm.status).toBe(0);
      expect(readFileSync(path.join(out, "national/floods-hit-baghlan/index.html"), "utf8")).toContain("Farida reports from Baghlan and Kunduz.");
      const cold = path.join(work, "cold-config");
      expect(build(cold, "off").status).toBe(0);
      expectSameTree(out, cold);
    } finally {
      writeFileSync(siteFile, config);
    }
  }, 240_000);

  it("should build again without the parse cache when a body in it turns out damaged, whether a feed or a page reads it first", () => {
    const out = path.join(work, "out");
    const siteFile = path.join(site, "site.yaml");
    const config = readFileSync(siteFile, "utf8");
    // Full bodies in the feeds: read while the site is modelled; summaries only: read by the article template, inside Eleventy.
    for (const fullContent of [true, false]) {
      writeFileSync(siteFile, `${config}feeds:\n  full_content: ${fullContent}\n`);
      expect(build(out, cacheDir()).status).toBe(0);
      const [id] = readdirSync(path.join(cacheDir(), "build"));
      const folder = path.join(cacheDir(), "build", id as string);
      const cache = path.join(folder, "articles.bin");
      // One letter of the last body in the file, its length kept: only the body's own hash can tell.
      const bytes = readFileSync(cache);
      const at = bytes.lastIndexOf("</p>") - 1;
      bytes[at] = bytes[at] === 0x78 ? 0x79 : 0x78;
      writeFileSync(cache, bytes);
      rmSync(path.join(folder, "pages.json"));

      const warm = build(out, cacheDir());
      expect(warm.status).toBe(0);
      expect(warm.stderr).toContain(`The article cache \`${cache}\` was damaged: it is removed, and the site is built again without it.`);
      expect(warm.timings.hits).toBe(0);
      const cold = path.join(work, `cold-damaged-${fullContent}`);
      expect(build(cold, "off").status).toBe(0);
      expectSameTree(out, cold);
    }
    writeFileSync(siteFile, config);
  }, 240_000);

  it("should ignore a corrupt cache and a hand-edited output, and still publish what a cold build does", () => {
    const out = path.join(work, "out");
    for (const file of readdirSync(cacheDir(), { recursive: true, encoding: "utf8" })) {
      const full = path.join(cacheDir(), file);
      if (file.endsWith(".bin")) writeFileSync(full, readFileSync(full).subarray(0, -100));
    }
    // Same size, new bytes: only the file's change time and content tell.
    const page = path.join(out, "world/wire-copy/index.html");
    writeFileSync(page, readFileSync(page, "utf8").replace("<h1>", "<h2>"));
    // A search shard with a file touched by hand is indexed again.
    const list = JSON.parse(readFileSync(path.join(out, "pagefind/shards.json"), "utf8")) as { shards: string[] };
    const entry = path.join(out, list.shards[0] as string, "pagefind-entry.json");
    writeFileSync(entry, readFileSync(entry, "utf8").replace("1.", "9."));
    edit("national/floods-hit-baghlan.md", "Floodwaters swept", "Floodwaters tore");

    const warm = build(out, cacheDir());
    expect(warm.status).toBe(0);
    expect(warm.timings.ignored).toMatch(/truncated/);
    expect(warm.timings.hits).toBe(0);
    expect(warm.timings.search.shardsIndexed).toBeGreaterThan(0);
    const cold = path.join(work, "cold-2");
    expect(build(cold, "off").status).toBe(0);
    expectSameTree(out, cold);

    // A search manifest that cannot be read vouches for nothing: every shard is indexed again.
    const [id] = readdirSync(path.join(cacheDir(), "build"));
    writeFileSync(path.join(cacheDir(), "build", id as string, "search.json"), "{");
    const again = build(out, cacheDir());
    expect(again.status).toBe(0);
    expect(again.timings.search.shardsCarried).toBe(0);
    expectSameTree(out, cold);
  }, 240_000);
});
