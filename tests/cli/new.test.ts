import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { articleText, headlineSlug, sectionSlug } from "../../src/cli/new-article.ts";
import { DEFAULT_SITE_CONFIG, type SiteConfig } from "../../src/content/site-config.ts";
import { ROOT, runCli } from "../support/cli.ts";

/**
 * `npm run new` on a copy of the e2e fixture site: the file it writes must
 * pass `npm run check` as it stands, and it must never replace an article.
 */
const FIXTURE = path.join(ROOT, "tests/e2e/site");
const NOW = "2026-11-24T08:07:41Z";
let work: string;
let site: string;
let content: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-new-"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
});

/** A fresh copy of the fixture site per test, so files written by one do not collide with another's. */
function freshSite(name: string): void {
  site = path.join(work, name);
  cpSync(FIXTURE, site, { recursive: true });
  content = path.join(site, "content");
}

/** runCli passes our environment on: set the byline as an editor's shell would (null: unset). */
function newArticle(args: readonly string[], author: string | null = "Farida Noori") {
  if (author === null) delete process.env.NEWSROOM_AUTHOR;
  else process.env.NEWSROOM_AUTHOR = author;
  return runCli(["new", "--content", content, "--now", NOW, ...args]);
}

describe("npm run new", () => {
  it("should write content/<section>/<slug>.md with front matter in the site's time zone, and say where", () => {
    freshSite("basic");
    const result = newArticle(["--section", "National", "Floods: 2,000 families displaced in Baghlan"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `Created ${content}/national/floods-2-000-families-displaced-in-baghlan.md\n` +
        "  Fill in the dateline, write the article below the front matter, then `npm run dev` to preview it.\n",
    );
    const text = readFileSync(path.join(content, "national/floods-2-000-families-displaced-in-baghlan.md"), "utf8");
    expect(text).toBe(
      [
        "---",
        'title: "Floods: 2,000 families displaced in Baghlan"',
        // 08:07 UTC is 12:37 in Kabul (the fixture's zone), to the minute.
        "date: 2026-11-24T12:37:00+04:30",
        "# The city the story is filed from, in capitals: remove the `# ` below and fill it in.",
        "# dateline: CITY",
        "outlet: Test Ledger",
        "author: Farida Noori",
        "# tags: [first topic, second topic]",
        "# summary: One sentence for lists, feeds and search engines.",
        "---",
        "",
      ].join("\n"),
    );
  });

  it("should write a file that `npm run check` accepts as it is, and that builds once the dateline is filled in", () => {
    freshSite("checked");
    expect(newArticle(["--section", "world", "Talks resume in Doha"]).status).toBe(0);
    const check = runCli(["check", "--content", content, "--now", NOW]);
    expect(check.stderr).toBe("");
    expect(check.stdout).toBe("9 articles checked: no problems found.\n");
    expect(check.status).toBe(0);

    const file = path.join(content, "world/talks-resume-in-doha.md");
    writeFileSync(file, `${readFileSync(file, "utf8").replace("# dateline: CITY", "dateline: DOHA")}Delegations met on Monday.\n`);
    const out = path.join(work, "checked-out");
    const build = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(build.status).toBe(0);
    const html = readFileSync(path.join(out, "world/talks-resume-in-doha/index.html"), "utf8");
    expect(html).toContain('<p><span class="dateline" dir="auto">DOHA</span> – Delegations met on Monday.</p>');
    expect(html).toContain('By <a href="/authors/farida-noori/" dir="auto">Farida Noori</a>');
  });

  it("should refuse to overwrite an article, name the file that has the slug, and write nothing", () => {
    freshSite("taken");
    const before = readFileSync(path.join(content, "national/floods-hit-baghlan.md"), "utf8");
    // Another section, same address: slugs are unique site-wide.
    const result = newArticle(["--section", "world", "Floods hit Baghlan"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: \`${content}/national/floods-hit-baghlan.md\` already has the slug \`floods-hit-baghlan\`; nothing was written. ` +
        "Open that file to edit it, or choose another address with --slug <slug>.\n",
    );
    expect(readFileSync(path.join(content, "national/floods-hit-baghlan.md"), "utf8")).toBe(before);
    expect(existsSync(path.join(content, "world/floods-hit-baghlan.md"))).toBe(false);
  });

  it("should take another address with --slug", () => {
    freshSite("slug");
    const result = newArticle(["--section", "national", "--slug", "baghlan-floods-day-two", "Floods hit Baghlan"]);
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(content, "national/baghlan-floods-day-two.md"), "utf8")).toContain("title: Floods hit Baghlan\n");
  });

  it("should refuse a section the site config does not list, with a did-you-mean", () => {
    freshSite("section");
    const result = newArticle(["--section", "nationl", "Talks resume"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "error: --section: `nationl` is not a section of the site config. Did you mean `national`? " +
        "The sections are `national`, `world`; add a new one under `sections:` in site.yaml first.\n",
    );
    expect(readdirSync(content).sort()).toEqual(["national", "world"]);
  });

  it("should take the byline from git when NEWSROOM_AUTHOR is not set, and say when the author has no bio", () => {
    freshSite("git-author");
    const gitconfig = path.join(work, "gitconfig");
    writeFileSync(gitconfig, "[user]\n\tname = Laila Sadat\n");
    process.env.GIT_CONFIG_GLOBAL = gitconfig;
    process.env.GIT_CONFIG_NOSYSTEM = "1";
    const result = newArticle(["--section", "world", "Vaccination drive"], null);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("  note: `Laila Sadat` is not among the authors in the site config: add them there for an author box with a bio.\n");
    expect(readFileSync(path.join(content, "world/vaccination-drive.md"), "utf8")).toContain("\nauthor: Laila Sadat\n");
  });

  it("should need a section and a headline", () => {
    freshSite("usage");
    const noSection = newArticle(["Talks resume"]);
    expect(noSection.status).toBe(2);
    expect(noSection.stderr).toContain('error: name the section: `npm run new -- --section <section> "<Headline>"`.');
    const noHeadline = newArticle(["--section", "world"]);
    expect(noHeadline.status).toBe(2);
    expect(noHeadline.stderr).toContain("error: give the headline");
    const noOffset = runCli(["new", "--content", content, "--section", "world", "--now", "2026-11-24T08:00", "Talks"]);
    expect(noOffset.status).toBe(2);
    expect(noOffset.stderr).toContain("error: --now: `2026-11-24T08:00` has no time-zone offset; add one");
  });
});

describe("new-article helpers", () => {
  const config: SiteConfig = {
    ...DEFAULT_SITE_CONFIG,
    sections: [{ slug: "business", title: "Business", description: undefined }],
  };

  it("should match a section by slug or title, and accept any section when the site lists none", () => {
    expect(sectionSlug("Business", config)).toBe("business");
    expect(sectionSlug("business", config)).toBe("business");
    expect(sectionSlug("Local News", DEFAULT_SITE_CONFIG)).toBe("local-news");
    expect(() => sectionSlug("Busines", config)).toThrow("Did you mean `business`?");
    expect(() => sectionSlug("!!", config)).toThrow("has no letters or digits");
  });

  it("should cut a long headline's slug after a whole word", () => {
    const slug = headlineSlug("Provincial council approves emergency budget for reconstruction of bridges, schools and clinics destroyed by the floods");
    expect(slug).toBe("provincial-council-approves-emergency-budget-for-reconstruction-of-bridges");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(headlineSlug("سیلاب در بغلان")).toBe("سیلاب-در-بغلان");
  });

  it("should quote a headline that YAML would misread, and leave the author line commented when there is none", () => {
    const text = articleText({ title: "#1: 'Yes' or no?", now: Date.UTC(2026, 0, 1, 0, 0, 59), zone: "UTC", outlet: "AT News", author: undefined });
    expect(text).toContain(`title: "#1: 'Yes' or no?"\n`);
    expect(text).toContain("date: 2026-01-01T00:00:00+00:00\n");
    expect(text).toContain("\n# author: Your Name\n");
  });
});
