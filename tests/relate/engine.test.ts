import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RELATE_CONFIG, type RelateConfig } from "../../src/relate/config.ts";
import { RelatedIndex, type RelateInput } from "../../src/relate/engine.ts";
import { select } from "../../src/relate/sparse.ts";
import { featuresOf } from "../../src/relate/tokenize.ts";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 9, 1);
const article = (slug: string, title: string, text: string, day: number, extra: Partial<RelateInput> = {}): RelateInput => ({
  slug,
  title,
  text: [text],
  tags: [],
  language: "en",
  section: "national",
  outlet: "Ledger",
  epoch: T0 + day * DAY,
  exclude: [],
  hasCheckAlso: false,
  ...extra,
});

const FLOODS = "Floodwaters swept through Nahrin district of Baghlan province. Governor Abdul Wahid Sharifi said rescue teams searched the riverbed.";
const CRICKET = "Afghanistan beat Ireland in Sharjah as Rashid Noorzai took four wickets in the tri-series opener.";
const archive = [
  article("floods-1", "Floods hit Baghlan", FLOODS, 0),
  article("floods-2", "Aid reaches Nahrin", "Convoys reached Nahrin district of Baghlan province with tents, as rescue teams searched the riverbed.", 1),
  article("floods-3", "Baghlan rebuilds", `Governor Abdul Wahid Sharifi opened bridges in Nahrin district of Baghlan.`, 30),
  article("cricket-1", "Tri-series opens", CRICKET, 2, { section: "sport" }),
  article("cricket-2", "Afghanistan win final", "Rashid Noorzai starred again in Sharjah as Afghanistan won the tri-series final.", 5, { section: "sport" }),
];
const config: RelateConfig = { ...DEFAULT_RELATE_CONFIG, autoCheckAlso: false, minScore: 0.05 };

describe("RelatedIndex", () => {
  it("should relate articles of the same story, best first, never itself", () => {
    const picks = new RelatedIndex(archive, config).relateAll();
    // floods-3, a month later, shares the governor's name too: closeness in time does not outweigh that.
    expect(picks.get("floods-1")?.sidebar.map((p) => p.slug)).toEqual(["floods-3", "floods-2"]);
    expect(picks.get("cricket-1")?.sidebar.map((p) => p.slug)).toEqual(["cricket-2"]);
  });

  it("should leave out the editor's Check Also targets and give the box its own pick when empty", () => {
    const withEditor = archive.map((a) => (a.slug === "floods-1" ? { ...a, exclude: ["floods-2"], hasCheckAlso: true } : a));
    const picks = new RelatedIndex(withEditor, { ...config, autoCheckAlso: true }).relateAll();
    expect(picks.get("floods-1")).toEqual({ checkAlso: undefined, sidebar: [expect.objectContaining({ slug: "floods-3" })] });
    expect(picks.get("floods-3")?.checkAlso?.slug).toBe("floods-1");
    expect(picks.get("floods-3")?.sidebar.map((p) => p.slug)).toEqual(["floods-2"]);
  });

  it("should give the same picks whatever the order of the input", () => {
    const a = new RelatedIndex(archive, config).relateAll();
    const b = new RelatedIndex([...archive].reverse(), config).relateAll();
    for (const slug of a.keys()) expect(b.get(slug)).toEqual(a.get(slug));
  });

  it("should break ties by date, then slug", () => {
    const twins = [article("a", "Same words", FLOODS, 0), article("c", "x", FLOODS.slice(0, 60), 3), article("b", "x", FLOODS.slice(0, 60), 3), ...archive.slice(3)];
    const picks = new RelatedIndex(twins, config).relateAll();
    expect(picks.get("a")?.sidebar.map((p) => p.slug)).toEqual(["b", "c"]);
  });

  it("should explain a pick by shared tags, words and names, and days apart", () => {
    const index = new RelatedIndex(archive, config);
    const why = index.explain("floods-1", "floods-3");
    expect(why?.terms.map((t) => t.feature)).toEqual(expect.arrayContaining(["nahrin", "n:wahid sharifi"]));
    expect(why?.daysApart).toBe(30);
    expect(why?.sameSection).toBe(true);
  });
});

describe("features", () => {
  it("should keep content words, stem plurals, and take capitalised words inside a sentence and their pairs as names", () => {
    const f = featuresOf("The Ministry of Rural Rehabilitation's teams met Abdul Wahid Sharifi in Kabul, Herat.");
    expect([...f.keys()]).toEqual([
      "n:ministry",
      "ministry",
      "n:rural",
      "rural",
      "n:rural rehabilitation",
      "n:rehabilitation",
      "rehabilitation",
      "team",
      "met",
      "n:abdul",
      "abdul",
      "n:abdul wahid",
      "n:wahid",
      "wahid",
      "n:wahid sharifi",
      "n:sharifi",
      "sharifi",
      "n:kabul",
      "kabul",
      "n:herat",
      "herat",
    ]);
  });

  it("should not take a capital that opens a sentence for a name", () => {
    const f = featuresOf("Floods hit Nahrin. Convoys reached it.");
    expect([...f.keys()]).toEqual(["flood", "hit", "n:nahrin", "nahrin", "convoy", "reached"]);
  });
});

describe("select", () => {
  it("should find the value a full sort puts at index k, with ties and duplicates", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0.5, 1, 1, 2, 3.25, 7, 7, 7, 9), { minLength: 1, maxLength: 300 }), fc.nat(), (values, at) => {
        const k = at % values.length;
        const sorted = Float64Array.from(values).sort();
        expect(select(Float64Array.from(values), k)).toBe(sorted[k]);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
