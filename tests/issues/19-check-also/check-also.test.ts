import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/cli.ts";

/**
 * Issue 19, item 16: a Check Also naming the article itself, a draft or a
 * story scheduled for later is a warning, never a reason to stop the site;
 * the box leaves that entry out (falling back to the automatic pick when it
 * was the only one), and a scheduled story joins the box from the first
 * build at or after its publication. A slug that matches nothing stays an error.
 */
let work: string;
let content: string;

const BODIES = [
  "Officials in Baghlan said on Saturday that the floods had displaced hundreds of families along the river.",
  "Aid convoys carrying flour, tents and medicine reached flooded districts of Baghlan province on Sunday.",
  "Engineers presented a plan to rebuild bridges and embankments that the Baghlan floods destroyed.",
  "Donors will meet in Kabul to pledge money for families displaced by the Baghlan floods.",
  "Why the Baghlan floods were worse this year: deforestation, late snow and weak embankments.",
];
let written = 0;
const article = (slug: string, front: string) =>
  writeFileSync(path.join(content, "national", `${slug}.md`), `---\n${front}\n---\n${BODIES[written++ % BODIES.length]}\n`);

const checkAlsoBox = (html: string): string => /<section class="check-also"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-check-also-"));
  content = path.join(work, "content");
  mkdirSync(path.join(content, "national"), { recursive: true });
  article("floods-displace-families", "title: Floods displace families in Baghlan\ndate: 2026-10-14T09:00:00+04:30\ntags: [Baghlan floods]");
  article("aid-reaches-baghlan", "title: Aid reaches Baghlan\ndate: 2026-10-15T09:00:00+04:30\ntags: [Baghlan floods]\ncheck_also:\n  - aid-reaches-baghlan");
  article(
    "rebuilding-plan",
    "title: Rebuilding plan for Baghlan\ndate: 2026-10-16T09:00:00+04:30\ntags: [Baghlan floods]\ncheck_also:\n  - donors-meet-tomorrow\n  - draft-analysis",
  );
  article("donors-meet-tomorrow", "title: Donors meet on Baghlan\ndate: 2026-10-18T09:00:00+04:30\ntags: [Baghlan floods]");
  article("draft-analysis", "title: Analysis of the floods\ndate: 2026-10-12T09:00:00+04:30\ndraft: true\ntags: [Baghlan floods]");
  // Other news, so that the floods' tag and words mark a story rather than the whole site.
  const other = [
    ["wheat-prices-rise", "Wheat prices rise in Kabul markets", "Flour and wheat prices rose again in Kabul as imports slowed at the northern border.", "prices"],
    ["cricket-team-wins", "Afghanistan win the tri-series opener", "The national cricket team beat Ireland by six wickets in Sharjah on Friday.", "cricket"],
    [
      "polio-campaign-begins",
      "Polio vaccination campaign begins",
      "Health workers began a four-day polio vaccination campaign across the eastern provinces.",
      "polio",
    ],
    ["rail-freight-corridor", "Rail freight corridor opens to Termez", "The first freight train crossed the Hairatan bridge on the new corridor to Termez.", "rail"],
  ];
  other.forEach(([slug, title, body, tag], i) =>
    writeFileSync(path.join(content, "national", `${slug}.md`), `---\ntitle: ${title}\ndate: 2026-10-1${i}T08:00:00+04:30\ntags: [${tag}]\n---\n${body}\n`),
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("Check Also entries that cannot be shown yet", () => {
  it("should publish the site with warnings, leaving those entries out of the box", () => {
    const out = path.join(work, "before");
    const result = runCli(["build", "--content", content, "--out", out, "--now", "2026-10-17T12:00:00+04:30"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/aid-reaches-baghlan\.md:6:5 {2}warning {2}check-also-self/);
    expect(result.stderr).toMatch(
      /rebuilding-plan\.md:6:5 {2}warning {2}check-also-unpublished {2}`check_also` names `donors-meet-tomorrow`, which is scheduled for/,
    );
    expect(result.stderr).toMatch(/rebuilding-plan\.md:7:5 {2}warning {2}check-also-unpublished {2}`check_also` names `draft-analysis`, which is a draft/);
    expect(result.stdout).toMatch(/Next scheduled: 2026-10-18T09:00:00\+04:30/);

    const aid = checkAlsoBox(readFileSync(path.join(out, "national/aid-reaches-baghlan/index.html"), "utf8"));
    // The automatic pick stands in for the refused entry, and never the article itself.
    expect(aid).toContain('href="/national/');
    expect(aid).not.toContain('href="/national/aid-reaches-baghlan/"');
    const plan = checkAlsoBox(readFileSync(path.join(out, "national/rebuilding-plan/index.html"), "utf8"));
    expect(plan).not.toContain("donors-meet-tomorrow");
    expect(plan).not.toContain("draft-analysis");
  });

  it("should show the scheduled story in the box from the first build after its publication", () => {
    const out = path.join(work, "after");
    const result = runCli(["build", "--content", content, "--out", out, "--now", "2026-10-18T09:00:00+04:30"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr, result.stderr).not.toContain("`donors-meet-tomorrow`");
    const plan = checkAlsoBox(readFileSync(path.join(out, "national/rebuilding-plan/index.html"), "utf8"));
    expect(plan).toContain('href="/national/donors-meet-tomorrow/"');
    expect(plan).not.toContain("draft-analysis");
  });

  it("should still stop on a slug that matches no article, with its did-you-mean", () => {
    article("typo", "title: Typo\ndate: 2026-10-16T10:00:00+04:30\ncheck_also: [aid-reaches-baghlam]");
    const out = path.join(work, "typo");
    const result = runCli(["build", "--content", content, "--out", out, "--now", "2026-10-18T12:00:00+04:30"]);
    rmSync(path.join(content, "national", "typo.md"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/typo\.md:4:14 {2}error {2}check-also-unresolved .*Did you mean `aid-reaches-baghlan`\?/);
  });
});
