import { afterEach, describe, expect, it } from "vitest";
import { article, jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/** Issue 21: times in the site's own words ("16:45 Kabul time"), the offset without a label; "Updated" when set. */
const ARTICLE = article("updated: 2026-10-15T16:45:00+04:30\ncorrections:\n  - date: 2026-10-16T08:05:00+04:30\n    text: An earlier version gave the wrong date.");
const ELSEWHERE = article("").replace("date: 2026-10-14T09:30:00+04:30", "date: 2026-10-14T05:00:00+00:00").replace("A plain headline", "Filed in London");

let site: Site | undefined;
afterEach(() => site?.remove());

describe("times", () => {
  it("read in the site's label wherever a time is shown", () => {
    site = makeSite({
      "site.yaml": "timezone: Asia/Kabul\ntimezone_label: Kabul time\n",
      "content/national/story.md": ARTICLE,
      "content/national/london.md": ELSEWHERE,
    });
    expect(site.build().status).toBe(0);
    const page = site.outputs().get("national/story/index.html") ?? "";
    expect(page).toContain(">14 October 2026, 09:30 Kabul time</time>");
    expect(page).toMatch(/Updated <time datetime="2026-10-15T16:45:00\+04:30">15 October 2026, 16:45 Kabul time<\/time>/);
    expect(page).toContain(">16 October 2026, 08:05 Kabul time</time>");
    expect(page).not.toContain("UTC+04:30");
    const corrections = site.outputs().get("corrections/index.html") ?? "";
    expect(corrections).toContain("16 October 2026, 08:05 Kabul time");
    // A time written in another zone is not Kabul time: it keeps its offset.
    expect(site.outputs().get("national/london/index.html")).toContain(">14 October 2026, 05:00 UTC+00:00</time>");
  });

  it("fall back to the offset without a label", () => {
    site = makeSite({ "site.yaml": "timezone: Asia/Kabul\n", "content/national/story.md": ARTICLE });
    expect(site.build().status).toBe(0);
    const page = site.outputs().get("national/story/index.html") ?? "";
    expect(page).toContain(">14 October 2026, 09:30 UTC+04:30</time>");
    expect(page).toContain("Updated <time");
  });

  it("refuses an empty label, positioned", () => {
    site = makeSite({ "site.yaml": "timezone: Asia/Kabul\ntimezone_label: ''\n", "content/national/story.md": ARTICLE });
    const found = jsonDiagnostics(site.check("json"));
    expect(found.some((d) => d.file.endsWith("site.yaml") && d.line === 2 && d.message.includes("timezone_label"))).toBe(true);
  });
});
