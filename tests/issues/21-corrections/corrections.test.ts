import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, makeSite, type Site } from "../18-fixture.ts";

/** Issue 21: "Corrections and clarifications": each correction's date and text, linked to its article, newest first. */
let site: Site;
beforeAll(() => {
  site = makeSite({
    "site.yaml": "timezone: Asia/Kabul\ntimezone_label: Kabul time\n",
    "content/national/floods.md": article(
      "corrections:\n  - date: 2026-10-15T10:00:00+04:30\n    text: The number of families was 300, not 3,000.\n  - date: 2026-10-20T18:30:00+04:30\n    text: The dam is on the Kunduz river.",
    ).replace("A plain headline", "Floods displace families"),
    "content/national/prices.md": article("corrections:\n  - date: 2026-10-17T09:00:00+04:30\n    text: Flour costs <more> than stated.").replace(
      "A plain headline",
      "Flour prices climb",
    ),
    "content/national/clean.md": article("").replace("A plain headline", "Nothing to correct"),
  });
  expect(site.build().status).toBe(0);
});
afterAll(() => site.remove());

describe("the corrections page", () => {
  it("lists every correction, newest first, with its date, text and article", () => {
    const page = site.outputs().get("corrections/index.html") ?? "";
    const texts = ["The dam is on the Kunduz river.", "Flour costs &lt;more> than stated.", "The number of families was 300, not 3,000."];
    const at = texts.map((t) => page.indexOf(t));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(page).toMatch(/<time datetime="2026-10-20T18:30:00\+04:30">20 October 2026, 18:30 Kabul time<\/time>/);
    const entry = page.slice(page.lastIndexOf("<li", at[0]), page.indexOf("</li>", at[0]));
    expect(entry).toContain('href="/national/floods/"');
    expect(entry).toContain("Floods displace families");
    expect(page).not.toContain("Nothing to correct");
  });

  it("is titled like a newspaper's column", () => {
    expect(site.outputs().get("corrections/index.html")).toMatch(/<h1[^>]*>(<bdi>)?Corrections and clarifications/);
  });
});
