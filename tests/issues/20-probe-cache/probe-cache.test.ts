import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findArticleFiles } from "../../../src/content/find-files.ts";
import type { Probed } from "../../../src/images/probe.ts";
import { loadArticles } from "../../../src/load/load-articles.ts";
import { openProbeStore } from "../../../src/load/probe-store.ts";
import { ROOT } from "../../support/cli.ts";

const work = mkdtempSync(path.join(tmpdir(), "newsroom-probe-cache-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SECRET = Buffer.alloc(32, 7);

/** Run with the cache key set, which seals the store. */
async function withKey<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.NEWSROOM_CACHE_KEY;
  process.env.NEWSROOM_CACHE_KEY = SECRET.toString("hex");
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.NEWSROOM_CACHE_KEY;
    else process.env.NEWSROOM_CACHE_KEY = previous;
  }
}

/** The sample site's articles loaded through a cache in `folder`. */
const load = (content: string, folder: string) =>
  withKey(async () => {
    const found = await findArticleFiles(content, content);
    return loadArticles({
      files: found.articles,
      zone: "Asia/Kabul",
      embedHosts: [],
      cache: { file: path.join(folder, "articles.bin"), version: "v1", secret: SECRET },
    });
  });
const entries = (file: string) => {
  const text = readFileSync(file, "utf8");
  return JSON.parse(text.slice(text.indexOf("\n") + 1)).probes as Record<string, Probed>;
};

const probesOf = (loaded: Awaited<ReturnType<typeof load>>) => loaded.articles.flatMap((a) => [...a.pictures]).sort(([a], [b]) => (a < b ? -1 : 1));

describe("the probes kept with the parse cache", () => {
  it("should keep each picture's probe by its bytes, give the same probes from it, and probe a changed picture anew", async () => {
    const content = path.join(work, "content");
    cpSync(path.join(ROOT, "content"), content, { recursive: true });
    const folder = path.join(work, "cache");
    const first = await load(content, folder);
    expect(probesOf(first).length).toBeGreaterThan(0);
    for (const [, probed] of probesOf(first)) expect(probed.kind).toBe("raster");
    const file = path.join(folder, "probes.json");
    const stored = entries(file);
    // A probe is known by the picture's bytes: the store has one entry per picture shown, each the probe made.
    expect(Object.values(stored).sort()).toEqual(expect.arrayContaining(probesOf(first).map(([, p]) => p)));
    const [key] = Object.keys(stored);
    if (key === undefined) throw new Error("the store has entries");
    expect((await withKey(() => openProbeStore(folder, "v1"))).get(key)).toEqual(stored[key]);
    // Another version of the code knows none of them.
    expect((await withKey(() => openProbeStore(folder, "v2"))).get(key)).toBeUndefined();

    // A picture saved over with other bytes is probed anew: its probe (and the files it names) change.
    const [bundle] = first.articles.filter((a) => a.pictures.size > 0);
    const [[name, before] = []] = bundle ? [...bundle.pictures] : [];
    if (bundle?.file.bundleDir === undefined || name === undefined || before?.kind !== "raster") throw new Error("the sample has a picture beside an article");
    const picture = path.join(bundle.file.bundleDir, name);
    const { default: sharp } = await import("sharp");
    writeFileSync(
      picture,
      await sharp(readFileSync(picture))
        .resize(before.width >> 1)
        .toBuffer(),
    );
    const changed = (await load(content, folder)).articles.find((a) => a.slug === bundle.slug)?.pictures.get(name);
    expect(changed?.kind === "raster" && changed.hash).not.toBe(before.hash);
    expect(Object.values(entries(file))).toContainEqual(changed);
  });

  it("should refuse a store whose seal does not match, and an entry of the wrong shape", async () => {
    const folder = path.join(work, "cache");
    const file = path.join(folder, "probes.json");
    const text = readFileSync(file, "utf8");
    const [key] = Object.keys(entries(file));
    if (key === undefined) throw new Error("the store has entries");
    // Edited by hand (a forged width): the seal no longer matches, and nothing of it is used.
    const forged = text.replace(/"width":\d+/, '"width":1');
    writeFileSync(file, forged);
    expect((await withKey(() => openProbeStore(folder, "v1"))).get(key)).toBeUndefined();
  });
});
