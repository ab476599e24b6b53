import { describe, expect, it } from "vitest";
import { Column, i32 } from "../../../src/relate/column.ts";
import { DEFAULT_RELATE_CONFIG, type RelateConfig } from "../../../src/relate/config.ts";
import { IndexBuilder, RelatedIndex, type RelateInput } from "../../../src/relate/engine.ts";
import { buildPostings, dot, type Rows } from "../../../src/relate/sparse.ts";

const DAY = 86_400_000;
const article = (slug: string, title: string, text: string, day: number, tags: string[] = []): RelateInput => ({
  slug,
  title,
  text: [text],
  tags,
  language: "en",
  section: "national",
  outlet: "Ledger",
  epoch: Date.UTC(2026, 9, 1) + day * DAY,
  exclude: [],
  hasCheckAlso: false,
});
const archive = [
  article("floods-1", "Floods hit Baghlan", "Floodwaters swept through Nahrin district of Baghlan province. Governor Abdul Wahid Sharifi spoke.", 0, ["floods"]),
  article("floods-2", "Aid reaches Nahrin", "Convoys reached Nahrin district of Baghlan province with tents for the flood families.", 1, ["floods"]),
  article("floods-3", "Baghlan rebuilds", "Governor Abdul Wahid Sharifi opened bridges in Nahrin district of Baghlan.", 30, ["floods"]),
  article("cricket-1", "Tri-series opens", "Afghanistan beat Ireland in Sharjah as Rashid Noorzai took four wickets.", 2, ["cricket"]),
  article("cricket-2", "Afghanistan win final", "Rashid Noorzai starred again in Sharjah as Afghanistan won the final.", 5, ["cricket"]),
];
const config: RelateConfig = { ...DEFAULT_RELATE_CONFIG, minScore: 0.05 };

describe("the related index's phases", () => {
  it("should search what add then finalize made, as the one-step constructor does", () => {
    const builder = new IndexBuilder(config);
    for (const input of archive) builder.add(input);
    const index = builder.finalize();
    const all = new RelatedIndex(archive, config).relateAll();
    expect(index.relateAll()).toEqual(all);
    expect(index.search("floods-1")).toEqual(all.get("floods-1"));
    const floods = index.search("floods-1");
    expect([floods.checkAlso?.slug, ...floods.sidebar.map((p) => p.slug)]).toContain("floods-3");
  });

  it("should refuse an article added after finalize, naming it", () => {
    const builder = new IndexBuilder(config);
    builder.add(archive[0] as RelateInput);
    builder.finalize();
    expect(() => builder.add(archive[1] as RelateInput)).toThrow(/`floods-2` added after finalize\(\)/);
    expect(() => builder.finalize()).toThrow(/finalize\(\) called twice/);
  });

  it("should refuse to search an article never added, naming it", () => {
    const index = new RelatedIndex(archive, config);
    expect(() => index.search("floods-9")).toThrow(/no article `floods-9`/);
  });

  it("should search an empty index and an index of one without reading outside its arrays", () => {
    expect(new IndexBuilder(config).finalize().relateAll()).toEqual(new Map());
    expect(new RelatedIndex([archive[0] as RelateInput], config).search("floods-1")).toEqual({ checkAlso: undefined, sidebar: [] });
  });
});

describe("reads outside the index's arrays", () => {
  // Two rows that claim more entries than there are: a broken invariant, which must not read as weight 0.
  const broken: Rows = { start: Int32Array.of(0, 2, 5), ids: Int32Array.of(5, 6, 0, 1), weights: Float64Array.of(0.6, 0.8, 0.6, 0.8) };

  it("should fail loudly, naming the index and the length, instead of reading 0", () => {
    expect(() => dot(broken, 0, 1)).toThrow(RangeError);
    expect(() => dot(broken, 0, 1)).toThrow(/read at 4 outside an array of length 4/);
    expect(() => buildPostings(broken, 2, 10)).toThrow(RangeError);
    expect(() => i32(Int32Array.of(1, 2), 2)).toThrow(/read at 2 outside an array of length 2/);
    expect(() => i32(Int32Array.of(1, 2), -1)).toThrow(RangeError);
  });

  it("should fail on a feature id the postings were not sized for", () => {
    const rows: Rows = { start: Int32Array.of(0, 1), ids: Int32Array.of(3), weights: Float64Array.of(1) };
    expect(() => buildPostings(rows, 2, 10)).toThrow(/read at 3 outside an array of length 2/);
  });

  it("should read a column only as far as it was filled, not as far as its buffer goes", () => {
    const column = new Column(new Int32Array(8));
    column.push(7);
    column.push(9);
    expect([...column.view()]).toEqual([7, 9]);
    expect(() => i32(column.view(), 2)).toThrow(RangeError);
    for (let k = 0; k < 20; k++) column.push(k);
    expect(column.length).toBe(22);
    expect(i32(column.view(), 21)).toBe(19);
  });
});
