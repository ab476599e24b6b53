import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndex, type SearchIndexResult } from "../../src/search/pagefind.ts";
import { MAX_SHARDS, PAGES_PER_SHARD, pagesPerShard, SHARD_PAGES_VARIABLE, shardCount, shardFolder, shardOf } from "../../src/search/shards.ts";
import { snapshotTree } from "../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "newsroom-shards-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("shardCount", () => {
  it("should give one shard to a small archive and double the count at each threshold, up to sixteen", () => {
    const cases: [number, number][] = [
      [0, 1],
      [29, 1],
      [2 * PAGES_PER_SHARD - 1, 1],
      [2 * PAGES_PER_SHARD, 2],
      [4 * PAGES_PER_SHARD, 4],
      [16 * PAGES_PER_SHARD - 1, 8],
      [10_000, 16],
      [1_000_000, MAX_SHARDS],
    ];
    expect(cases.map(([pages]) => [pages, shardCount(pages)])).toEqual(cases);
    expect(MAX_SHARDS).toBe(16);
    expect([1, 2, 3, 4, 7, 8, 100].map((pages) => shardCount(pages, 2))).toEqual([1, 1, 1, 2, 2, 4, 16]);
  });

  it("should split each shard in two when the count doubles: a page's shard of 2k is its shard of k, or that plus k", () => {
    const pages = Array.from({ length: 2000 }, (_, i) => `section-${i % 7}/story-${i}/index.html`);
    for (let k = 1; k < MAX_SHARDS; k *= 2) {
      for (const page of pages) expect([shardOf(page, k), shardOf(page, k) + k]).toContain(shardOf(page, 2 * k));
    }
    // And the hash spreads pages evenly enough: no shard of 16 under half or over twice its share.
    const sizes = new Array<number>(16).fill(0);
    for (const page of pages) sizes[shardOf(page, 16)] = (sizes[shardOf(page, 16)] ?? 0) + 1;
    expect(Math.min(...sizes)).toBeGreaterThan(2000 / 16 / 2);
    expect(Math.max(...sizes)).toBeLessThan((2000 / 16) * 2);
  });

  it("should take the pages per shard from NEWSROOM_SEARCH_SHARD_PAGES when set, and refuse what is no count", () => {
    expect(pagesPerShard({})).toBe(PAGES_PER_SHARD);
    expect(pagesPerShard({ [SHARD_PAGES_VARIABLE]: "" })).toBe(PAGES_PER_SHARD);
    expect(pagesPerShard({ [SHARD_PAGES_VARIABLE]: "4" })).toBe(4);
    for (const wrong of ["0", "-2", "1.5", "many"]) {
      expect(() => pagesPerShard({ [SHARD_PAGES_VARIABLE]: wrong })).toThrow(`NEWSROOM_SEARCH_SHARD_PAGES: \`${wrong}\` is not a whole number`);
    }
  });
});

/**
 * Builds as the CLI makes them, on a site of small pages: the pages go into
 * a fresh folder (unchanged ones linked from the published output, as the
 * page writer does), the index is built there against the previous output
 * and manifest, and the folder then replaces the output.
 */
describe("the search index as the archive grows", () => {
  const PER_SHARD = 4;
  const out = path.join(work, "out");
  const manifest = path.join(work, "cache", "search.json");
  const story = (i: number, words: string): string =>
    `<!doctype html>\n<html lang="en"><head><title>Story ${i}</title></head><body><nav>Home</nav><article data-pagefind-body><h1>Story ${i}</h1><p>${words}</p></article></body></html>\n`;
  const front = '<!doctype html>\n<html lang="en"><body><p>Front page: not searched</p></body></html>\n';
  const pagesOf = (n: number): Map<string, string> =>
    new Map([
      ["index.html", front],
      ...Array.from({ length: n }, (_, i): [string, string] => [`news/story-${i}/index.html`, story(i, `Flood relief report number ${i}.`)]),
    ]);

  function write(dir: string, pages: ReadonlyMap<string, string>, previous?: string): void {
    for (const [rel, html] of pages) {
      const file = path.join(dir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      const old = previous === undefined ? undefined : path.join(previous, rel);
      if (old !== undefined && existsSync(old) && readFileSync(old, "utf8") === html) linkSync(old, file);
      else writeFileSync(file, html);
    }
  }

  /** A warm build of `pages` published to `out`, and the cold build of the same pages beside it, which it must equal. */
  async function build(name: string, pages: ReadonlyMap<string, string>): Promise<SearchIndexResult> {
    const next = path.join(work, name);
    write(next, pages, existsSync(out) ? out : undefined);
    const result = await buildSearchIndex(next, "en", { manifest, outDir: out }, PER_SHARD);
    rmSync(out, { recursive: true, force: true });
    renameSync(next, out);
    const cold = path.join(work, `${name}-cold`);
    write(cold, pages);
    await buildSearchIndex(cold, "en", undefined, PER_SHARD);
    const warm = snapshotTree(path.join(out, "pagefind"));
    const fresh = snapshotTree(path.join(cold, "pagefind"));
    expect([...warm.keys()]).toEqual([...fresh.keys()]);
    expect([...warm].filter(([file, bytes]) => !fresh.get(file)?.equals(bytes)).map(([file]) => file)).toEqual([]);
    return result;
  }
  /** The shards as the search page lists them. */
  const listed = () => (JSON.parse(readFileSync(path.join(out, "pagefind", "shards.json"), "utf8")) as { shards: string[] }).shards;
  /** The shards the stories of `pages` fall in. */
  const expected = (pages: ReadonlyMap<string, string>): string[] => {
    const stories = [...pages.keys()].filter((rel) => rel.startsWith("news/"));
    return [...new Set(stories.map((rel) => `/${shardFolder(shardOf(rel, shardCount(stories.length, PER_SHARD)))}/`))].sort();
  };

  it("should index every shard again once when the pages cross a threshold, only a changed page's shard otherwise, and write what a cold build writes", async () => {
    let pages = pagesOf(15);
    expect(shardCount(15, PER_SHARD)).toBe(2);
    const cold = await build("b1", pages);
    expect(listed()).toEqual(expected(pages));
    expect(cold).toEqual({ pages: 15, shardsIndexed: 2, shardsCarried: 0 });

    expect(await build("b2", pages)).toEqual({ pages: 15, shardsIndexed: 0, shardsCarried: 2 });

    // The sixteenth page doubles the count: every shard splits in two, and every shard is indexed again.
    pages = pagesOf(16);
    expect(shardCount(16, PER_SHARD)).toBe(4);
    expect(await build("b3", pages)).toEqual({ pages: 16, shardsIndexed: 4, shardsCarried: 0 });
    expect(listed()).toEqual(expected(pages));

    // Between thresholds, one page edited: its shard alone.
    pages.set("news/story-3/index.html", story(3, "Flood relief report, corrected."));
    expect(await build("b4", pages)).toEqual({ pages: 16, shardsIndexed: 1, shardsCarried: 3 });

    // Back under the threshold: the shards merge again, each indexed again.
    pages.delete("news/story-15/index.html");
    expect(await build("b5", pages)).toEqual({ pages: 15, shardsIndexed: 2, shardsCarried: 0 });
    expect(listed()).toEqual(expected(pages));
  }, 60_000);
});
