import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliResult } from "../../support/cli.ts";
import { makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 18 item 5: C0 and C1 controls, DEL, noncharacters and lone
 * surrogates in content reached 13 HTML pages. None may reach any HTML,
 * XML, JSON or text file of the site; each is dropped with a positioned
 * `control-character` warning where it was written.
 */

// NUL, U+0001, ESC, DEL, NEL, CSI, U+FFFE, U+FFFF, a form feed, a lone CR.
const RAW = ["\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u009b", "\ufffe", "\uffff", "\u000c", "\r"];
const NASTY = RAW.join("");
/** The same as YAML escapes in a double-quoted value, with lone surrogates and a supplementary-plane noncharacter. */
const ESCAPED = String.raw`\0\x01\e\x7f\N\x9b\ufffe\uffff\f\r\uD800x\uDFFF\U0001FFFE`;

/** Code points no output may hold: C0 but tab and LF, DEL, C1, noncharacters, lone surrogates. */
const FORBIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}\p{Cs}]/u;
/** The same written as JSON escapes (`\u0000`), which a JSON or JSON-LD reader turns back into them. */
const FORBIDDEN_ESCAPE = /\\u(?:000[0-8bcef]|001[0-9a-f]|007f|008[0-9a-f]|009[0-9a-f]|d[89ab][0-9a-f]{2}|dc[0-9a-f]{2}|fdd[0-9a-f]|fde[0-9a-f]|fff[ef])/i;

function articleText(): string {
  return [
    "---",
    `title: "Floods ${ESCAPED} hit"`,
    "date: 2026-10-14T09:30:00+04:30",
    `summary: Plain${NASTY.replace("\r", "")} summary`,
    `tags: ["flo${ESCAPED}ods", plain${RAW[2]}tag]`,
    `author: "Farida${ESCAPED} Noori"`,
    `outlet: AT${RAW[5]} News`,
    `dateline: KA${RAW[0]}BUL`,
    "check_also:",
    `  - title: "Other ${ESCAPED}"`,
    "    url: https://example.org/other",
    "corrections:",
    "  - date: 2026-10-15T09:00:00+04:30",
    `    text: "Fixed ${ESCAPED} it."`,
    "---",
    `Body${NASTY.replace("\r", "")} text with &#12; and &#13; and &#x1b; references.`,
    "",
    `\`code${RAW[1]}span\` and a [link${RAW[3]}](https://example.org/a${RAW[2]}b "ti${RAW[4]}tle").`,
    "",
    "```",
    `fenced${RAW[6]}code`,
    "```",
    "",
  ].join("\n");
}

const SITE_YAML = [
  `name: "Ledger ${ESCAPED}"`,
  "url: https://test.example.org",
  `description: Desc${NASTY.replace("\r", "")}ription`,
  "sections:",
  `  - title: "Nat${ESCAPED}ional"`,
  "    slug: national",
  "authors:",
  `  - name: "Farida${ESCAPED} Noori"`,
  `    bio: Bio${RAW[2]} text`,
  "",
].join("\n");

let site: Site;
let build: CliResult;

beforeAll(() => {
  site = makeSite({
    "site.yaml": SITE_YAML,
    "content/national/floods.md": articleText(),
    "content/national/other.md": "---\ntitle: Other\ndate: 2026-10-13T09:30:00+04:30\nauthor: Farida Noori\n---\nText.\n",
    // A section folder's name is the section's title when site.yaml does not list it.
    "content/loc\u001bal\u0007/story.md": "---\ntitle: Local story\ndate: 2026-10-12T09:30:00+04:30\n---\nText.\n",
  });
  build = site.build();
});
afterAll(() => site.remove());

describe("control characters in content", () => {
  it("builds, with warnings", () => {
    expect(build.stderr).toMatch(/control-character/);
    expect(build.status, build.stderr).toBe(0);
  });

  // Scripts are left out: Pagefind's own holds a U+0001 of its own making.
  it("reach no output file, raw or as a JSON escape", () => {
    const outputs = [...site.outputs()].filter(([rel]) => /\.(html|xml|json|txt|css|svg|webmanifest)$/.test(rel));
    expect(outputs.length).toBeGreaterThan(10);
    const found = outputs.flatMap(([rel, text]) => {
      const raw = FORBIDDEN.exec(text);
      const escaped = FORBIDDEN_ESCAPE.exec(text);
      return [
        ...(raw === null
          ? []
          : [`${rel}: U+${(raw[0].codePointAt(0) ?? 0).toString(16)} at ${raw.index}: ${JSON.stringify(text.slice(raw.index - 30, raw.index + 30))}`]),
        ...(escaped === null ? [] : [`${rel}: ${escaped[0]} at ${escaped.index}`]),
      ];
    });
    expect(found).toEqual([]);
    expect([...site.outputs().keys()].filter((rel) => FORBIDDEN.test(rel))).toEqual([]);
    expect(site.outputs().get("local/index.html")).toMatch(/<h1>(?:<bdi>)?Local(?:<\/bdi>)?<\/h1>/);
  });

  it("keeps the text around them", () => {
    const page = site.outputs().get("national/floods/index.html") ?? "";
    expect(page).toContain("Floods x hit");
    expect(page).toContain("Body text with");
    expect(page).toContain("KABUL");
    expect(page).toMatch(/AT\s*News/);
    expect(site.outputs().get("404.html")).toContain("Ledger ");
  });

  it("warns at each value that held one, in the article and in site.yaml", () => {
    const warnings = build.stderr.split("\n").filter((line) => /\bcontrol-character\b/.test(line));
    const at = (file: string, line: number) => warnings.some((w) => w.includes(`/${file}:${line}:`));
    // Front matter: title, summary, tags (twice), author, outlet, dateline, check_also title, correction text.
    for (const line of [2, 4, 5, 6, 7, 8, 10, 14]) expect(at("floods.md", line), `floods.md line ${line}`).toBe(true);
    // Body: the raw characters, the references, the code span, the link, the fenced code.
    for (const line of [16, 18, 21]) expect(at("floods.md", line), `floods.md line ${line}`).toBe(true);
    // site.yaml: name, description, section title, author name and bio.
    for (const line of [1, 3, 5, 8, 9]) expect(at("site.yaml", line), `site.yaml line ${line}`).toBe(true);
    expect(warnings.some((w) => /story\.md:1:1 .*section folder/.test(w))).toBe(true);
    // A raw character is pointed at where it sits.
    expect(warnings.some((w) => w.includes("floods.md:8:13 "))).toBe(true);
    expect(warnings.some((w) => w.includes("floods.md:4:15 "))).toBe(true);
  });
});
