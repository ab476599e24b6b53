import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RESERVED_SECTION_SLUGS } from "../../src/content/section-address.ts";
import { DEFAULT_SITE_CONFIG, loadSiteConfig } from "../../src/content/site-config.ts";

const dir = mkdtempSync(path.join(tmpdir(), "site-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string): string => {
  const file = path.join(dir, `site-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};

describe("loadSiteConfig", () => {
  it("should use sensible defaults without a file", async () => {
    const r = await loadSiteConfig(undefined);
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toBe(DEFAULT_SITE_CONFIG);
    expect(r.config).toMatchObject({ name: "News", outlet: "News", timezone: "UTC", related: { count: 5, autoCheckAlso: true } });
  });

  it("should read related.tags_across_languages and refuse a recency that could more than double a score", async () => {
    const r = await loadSiteConfig(write("related:\n  tags_across_languages: 0.5\n  recency: 1\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.config.related).toMatchObject({ tagsAcrossLanguages: 0.5, recency: 1, tags: 0 });
    const tooMuch = await loadSiteConfig(write("related:\n  recency: 3\n"), "site.yaml");
    expect(tooMuch.diagnostics.map((d) => `${d.position.line} ${d.rule}`)).toEqual(["2 field-invalid"]);
  });

  it("should expand section shorthands and default the outlet to the name", async () => {
    const r = await loadSiteConfig(write("name: Ledger\nurl: https://ledger.example/\nsections:\n  - World\n  - title: Trade & Transit\n    slug: business\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.config.url).toBe("https://ledger.example");
    expect(r.config.outlet).toBe("Ledger");
    expect(r.config.sections).toEqual([
      { slug: "world", title: "World", description: undefined },
      { slug: "business", title: "Trade & Transit", description: undefined },
    ]);
  });

  it("should report mistakes at their line with the rule ids of articles", async () => {
    const file = write("name: Ledger\ntimezone: Kabul\nsectons: [World]\n");
    const r = await loadSiteConfig(file, "site.yaml");
    expect(r.diagnostics.map((d) => `${d.file}:${d.position.line}:${d.position.column} ${d.rule} ${d.message}`)).toEqual([
      "site.yaml:2:11 field-invalid `timezone` must be an IANA time zone such as `Asia/Kabul` or `UTC`.",
      "site.yaml:3:1 field-unknown Unknown field `sectons`. Did you mean `sections`?",
    ]);
  });

  it("should refuse sections whose address the site uses itself, or that have none", async () => {
    const r = await loadSiteConfig(write('name: Ledger\nsections:\n  - World\n  - Tags\n  - title: Archive\n  - "…"\n'), "site.yaml");
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
      "4:5 error section-reserved The section `Tags` would live at `/tags/`, where the site publishes its own pages.",
      "5:5 error section-reserved The section `Archive` would live at `/archive/`, where the site publishes its own pages.",
      "6:5 error section-no-address The section `…` has no letter or digit to make its address from.",
    ]);
  });

  it("should name in its hint every address the site keeps for itself", async () => {
    const r = await loadSiteConfig(write("sections:\n  - Tags\n"), "site.yaml");
    const hint = r.diagnostics[0]?.hint ?? "";
    for (const slug of RESERVED_SECTION_SLUGS) expect(hint, slug).toContain(`\`${slug}\``);
  });
});
