import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type CacheEntries, cacheKey, DamagedCache, damagedCacheIn, readCache, writeCache } from "../../src/load/article-cache.ts";
import { parseOne } from "../../src/load/parse-worker.ts";
import { type ParseTask, toData } from "../../src/load/parsed-article.ts";
import { articleFile } from "../support/article-file.ts";

/** A key of this test's own: the cache file is sealed with it (cache-seal.mjs). */
const SECRET = Buffer.alloc(32, 7);

const task = (body: string, name = "floods"): ParseTask => ({
  source: `---\ntitle: Floods\ndate: 2026-10-14T09:30:00+04:30\n---\n${body}\n`,
  file: articleFile(name, "national"),
  zone: "Asia/Kabul",
  embedHosts: [],
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsroom-cache-"));
  file = path.join(dir, "articles.bin");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("cacheKey", () => {
  it("should change with the source, the file, the zone, the embed hosts and the pipeline's version", () => {
    const base = task("Text.");
    const keys = [
      cacheKey("v1", base),
      cacheKey("v2", base),
      cacheKey("v1", task("Text!")),
      cacheKey("v1", task("Text.", "other")),
      cacheKey("v1", { ...base, zone: "UTC" }),
      cacheKey("v1", { ...base, embedHosts: ["www.youtube.com"] }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(cacheKey("v1", task("Text."))).toBe(keys[0]);
  });

  it("should be the same for a file's UTF-8 bytes as for the text they decode to, byte order mark or not", () => {
    const text = task("Kabul – “Floods”.");
    const bytes = Buffer.from(text.source, "utf8");
    const key = cacheKey("v1", text);
    expect(cacheKey("v1", { ...text, source: bytes })).toBe(key);
    expect(cacheKey("v1", { ...text, source: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) })).toBe(key);
    expect(cacheKey("v1", { ...text, source: Buffer.concat([bytes, Buffer.from(" ")]) })).not.toBe(key);
  });
});

describe("readCache and writeCache", () => {
  const entries = () => new Map([[cacheKey("v1", task("Some *text*.")), parseOne(task("Some *text*."))]]);
  const plain = (cache: CacheEntries) => [...cache].map(([key, parsed]) => [key, toData(parsed)]);

  it("should read back what was written, equal to a fresh parse", async () => {
    await writeCache(file, "v1", SECRET, entries());
    const read = await readCache(file, "v1", SECRET);
    expect(read.ignored).toBeUndefined();
    expect(plain(read.entries)).toEqual(plain(entries()));
    expect([...read.entries.values()][0]?.article?.body.html.read()).toBe("<p>Some <em>text</em>.</p>\n");
  });

  it("should write again what it read, bodies included, after the first file is gone", async () => {
    await writeCache(file, "v1", SECRET, entries());
    const read = await readCache(file, "v1", SECRET);
    rmSync(file);
    await writeCache(file, "v1", SECRET, read.entries);
    expect(plain((await readCache(file, "v1", SECRET)).entries)).toEqual(plain(entries()));
  });

  it("should keep whether a body has local pictures to resolve, without reading the body", async () => {
    const pictured = task("![A flooded road](road.jpg)\n\nText.");
    const plainText = task("Text.");
    await writeCache(
      file,
      "v1",
      SECRET,
      new Map([
        [cacheKey("v1", pictured), parseOne(pictured)],
        [cacheKey("v1", plainText), parseOne(plainText)],
      ]),
    );
    const read = await readCache(file, "v1", SECRET);
    const marks = (t: ParseTask) => read.entries.get(cacheKey("v1", t))?.article?.body.html.marksPictures;
    expect([marks(pictured), marks(plainText)]).toEqual([true, false]);
    expect(read.entries.get(cacheKey("v1", pictured))?.article?.body.html.read()).toContain(' data-line="1"');
  });

  it("should find nothing, and say nothing, when there is no cache yet", async () => {
    expect(await readCache(file, "v1", SECRET)).toEqual({ entries: new Map(), ignored: undefined });
  });

  it("should ignore a cache written by another version of the pipeline", async () => {
    await writeCache(file, "v1", SECRET, entries());
    const read = await readCache(file, "v1-other", SECRET);
    expect(read.entries.size).toBe(0);
    expect(read.ignored).toMatch(/another version/);
  });

  it("should ignore a truncated, altered or foreign file", async () => {
    await writeCache(file, "v1", SECRET, entries());
    const bytes = readFileSync(file);
    const cases: [Buffer, RegExp][] = [
      [bytes.subarray(0, bytes.length - 7), /truncated/],
      [Buffer.concat([bytes, Buffer.from("x")]), /truncated/],
      [Buffer.from(bytes.toString("latin1").replace("Some text.", "Some TEXT."), "latin1"), /not sealed/],
      [Buffer.from("not a cache\n"), /not a cache/],
      [bytes.subarray(0, 30), /header/],
    ];
    for (const [corrupt, why] of cases) {
      writeFileSync(file, corrupt);
      const read = await readCache(file, "v1", SECRET);
      expect(read.entries.size).toBe(0);
      expect(read.ignored).toMatch(why);
    }
  });

  it("should find a body altered after the index was read when the body is read, and leave it out of the next file", async () => {
    await writeCache(file, "v1", SECRET, entries());
    const read = await readCache(file, "v1", SECRET);
    const body = [...read.entries.values()][0]?.article?.body.html;
    // The same length, so only the body's own hash can tell.
    writeFileSync(file, readFileSync(file, "latin1").replace("<em>text</em>", "<em>TEXT</em>"), "latin1");
    expect(() => body?.read()).toThrow(DamagedCache);
    const wrapped = Object.assign(new Error("template failed"), { originalError: new Error("render", { cause: catching(() => body?.read()) }) });
    expect(damagedCacheIn(wrapped)?.file).toBe(file);
    expect(damagedCacheIn(new Error("other"))).toBeUndefined();
    await writeCache(file, "v1", SECRET, read.entries);
    expect((await readCache(file, "v1", SECRET)).entries.size).toBe(0);
  });
});

function catching(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}
