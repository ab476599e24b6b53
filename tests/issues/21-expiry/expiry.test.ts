import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { filesUnder, rawPng } from "../../support/picture-files.ts";

/**
 * Issue 21, "Expiry": `expires` takes an article down everywhere from the
 * first build at or after that moment. The site is built twice into one
 * output folder with one cache, as the scheduled CI build does: before the
 * take-down (the article is everywhere, which proves the scan can find it)
 * and after (it is nowhere: not in a page, list, feed, sitemap, sidebar,
 * Check Also box, picture or the search index's compressed fragments).
 */
const BEFORE = "2026-11-24T09:00:00+04:30";
const AFTER = "2026-11-24T12:00:00+04:30";
const TITLE = "Quokka exam papers leaked in Zaranj";
const SLUG = "quokka-exam-leak";
const PHRASE = "marmalade ledger of answer sheets";

let work: string;
const content = () => path.join(work, "content");
const out = () => path.join(work, "out");

function write(rel: string, text: string | Buffer): void {
  const file = path.join(work, ...rel.split("/"));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function build(now: string): { status: number | null; stdout: string; stderr: string; carried: number } {
  const result = spawnSync(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), "build", "--content", content(), "--out", out(), "--now", now], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: path.join(work, "cache"), NEWSROOM_TIMINGS: "1" },
    timeout: 120_000,
  });
  const timings = /^timings: (.*)$/m.exec(result.stderr)?.[1];
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    carried: timings === undefined ? -1 : (JSON.parse(timings) as { carried: number }).carried,
  };
}

/** Every output file's text, the search index's fragments and indexes decompressed (Pagefind gzips them). */
function outputTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const rel of filesUnder(out())) {
    const bytes = readFileSync(path.join(out(), rel));
    let text = bytes.toString("utf8");
    if (rel.startsWith("pagefind/") && bytes[0] === 0x1f && bytes[1] === 0x8b) text = gunzipSync(bytes).toString("utf8");
    texts.set(rel, text);
  }
  return texts;
}

/** The files that name the article, by what they name of it. */
function mentions(): { title: string[]; slug: string[]; phrase: string[] } {
  const texts = outputTexts();
  const where = (needle: string) => [...texts].filter(([rel, text]) => rel.includes(needle) || text.includes(needle)).map(([rel]) => rel);
  return { title: where(TITLE), slug: where(SLUG), phrase: where(PHRASE) };
}

const article = (title: string, date: string, fields: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n${fields}---\n${body}\n`;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-21-expiry-"));
  write("site.yaml", "url: https://news.example.org\ntimezone: Asia/Kabul\ntimezone_label: Kabul time\nauthors:\n  - name: Nadia Rahimi\n");
  write(
    `content/national/${SLUG}/index.md`,
    article(
      TITLE,
      // Within the news sitemap's two days.
      "2026-11-23T09:00:00+04:30",
      "tags: [Exams, Zaranj]\nauthor: Nadia Rahimi\nexpires: 2026-11-24T10:00:00+04:30\nimage:\n  src: sheets.png\n  alt: Answer sheets on a desk\n",
      `Exam papers were leaked in Zaranj before the national exams, and a ${PHRASE} was shown to reporters.`,
    ),
  );
  write(`content/national/${SLUG}/sheets.png`, rawPng(40, 30));
  write(
    "content/national/exam-results-delayed.md",
    article(
      "Exam results delayed in Zaranj",
      "2026-11-21T09:00:00+04:30",
      `tags: [Exams, Zaranj]\ncheck_also: [${SLUG}]\n`,
      "Exam results in Zaranj are delayed after papers were leaked before the national exams.",
    ),
  );
  write(
    "content/national/exam-board-responds.md",
    article(
      "Exam board responds on Zaranj exam papers leak",
      "2026-11-22T09:00:00+04:30",
      "tags: [Exams, Zaranj]\ncheck_also: [exam-results-delayed]\n",
      "The exam board in Zaranj answered questions about the exam papers leaked before the national exams.",
    ),
  );
  // Stories of other kinds, so the related engine can tell the exam stories apart from the rest.
  const others = [
    ["Cricket team wins in Sharjah", "The national cricket team beat Ireland in Sharjah by six wickets."],
    ["Buzkashi season opens in Mazar", "Riders gathered in Mazar for the first buzkashi match of the season."],
    ["Football league final set", "The football league final will be played in Kabul next week."],
    ["Wheat prices climb in Herat", "Flour and wheat prices rose in Herat markets ahead of winter."],
  ];
  others.forEach(([title, body], i) => write(`content/sport/story-${i}.md`, article(title ?? "", `2026-11-1${i}T09:00:00+04:30`, "tags: [Sport]\n", body ?? "")));
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("an article before it expires", () => {
  it("is everywhere, and its take-down is the next scheduled change", () => {
    const result = build(BEFORE);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Next scheduled: 2026-11-24T10:00:00+04:30 (2026-11-24T05:30:00Z), ${content()}/national/${SLUG}/index.md: build again then to take it down.`,
    );
    const found = mentions();
    // The scan finds it in each kind of file, compressed search fragments included.
    for (const rel of ["index.html", "feed.xml", "rss.xml", "feed.json", "tags/zaranj/index.html", "authors/nadia-rahimi/index.html"]) {
      expect(found.title).toContain(rel);
    }
    // The Check Also box of the one, the related sidebar of the other.
    expect(found.title).toContain("national/exam-results-delayed/index.html");
    expect(found.title).toContain("national/exam-board-responds/index.html");
    expect(found.slug).toContain("sitemap.xml");
    expect(found.slug).toContain("news-sitemap.xml");
    expect(found.phrase.some((rel) => rel.startsWith("pagefind/") && rel.endsWith(".pf_fragment"))).toBe(true);
    // Search engines are told in advance.
    expect(readFileSync(path.join(out(), `national/${SLUG}/index.html`), "utf8")).toContain(
      '<meta name="robots" content="unavailable_after: 2026-11-24T10:00:00+04:30"/>',
    );
    expect(found.slug.some((rel) => rel.startsWith(`national/${SLUG}/`) && rel.endsWith(".webp"))).toBe(true);
  });
});

describe("an article once it has expired", () => {
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build(AFTER);
  }, 120_000);

  it("is gone from every output file, on a warm build over the previous output", () => {
    expect(result.status).toBe(0);
    expect(result.carried).toBeGreaterThan(0);
    const notice = `national/${SLUG}/index.html`;
    expect(mentions()).toEqual({
      title: [],
      // Only the notice's own address, and the output's list of the files it holds.
      slug: [".newsroom-build", notice],
      phrase: [],
    });
    expect(filesUnder(out()).filter((rel) => rel.startsWith(`national/${SLUG}/`))).toEqual([notice]);
  });

  it("leaves a short noindex notice at its address, which search does not index", () => {
    const notice = readFileSync(path.join(out(), `national/${SLUG}/index.html`), "utf8");
    expect(notice).toContain('<meta name="robots" content="noindex"/>');
    expect(notice).toContain("<h1>This article is no longer available</h1>");
    expect(notice).not.toContain('rel="canonical"');
    expect(notice).not.toContain("data-pagefind-body");
  });

  it("warns the editor whose Check Also names it, at the entry, and the box leaves it out", () => {
    expect(result.stderr).toContain(`${content()}/national/exam-results-delayed.md:5:14`);
    expect(result.stderr).toContain(
      `\`check_also\` names \`${SLUG}\`, which was taken down on 24 November 2026, 10:00 UTC+04:30 (its \`expires\`): the box leaves it out.`,
    );
  });

  it("leaves nothing at all with `expires_leave: nothing`", () => {
    const file = path.join(content(), "national", SLUG, "index.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("expires: ", "expires_leave: nothing\nexpires: "));
    const again = build(AFTER);
    expect(again.status).toBe(0);
    expect(mentions()).toEqual({ title: [], slug: [], phrase: [] });
  });
});

describe("expiry mistakes", () => {
  it("refuses an expiry before the article's date, and warns of `expires_leave` alone, at their lines", () => {
    write(
      "content/world/wrong.md",
      article("Wrong", "2026-11-20T09:00:00+04:30", "expires: 2026-11-19T09:00:00+04:30\nlive_until: 2026-11-21T09:00:00+04:30\n", "Text."),
    );
    const result = build(AFTER);
    rmSync(path.join(content(), "world"), { recursive: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${content()}/world/wrong.md:4:10  error  date-order`);
    expect(result.stderr).toContain(
      "`expires` is 19 November 2026, 09:00 UTC+04:30, not after the article's `date` (20 November 2026, 09:00 UTC+04:30): the article would end before it began.",
    );
    expect(result.stderr).toContain(`${content()}/world/wrong.md:5:1  warning  field-unused`);
    expect(result.stderr).toContain("`live_until` does nothing without `live: true` in the same front matter.");
  });
});
