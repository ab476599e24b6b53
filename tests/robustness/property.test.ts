import { spawn } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FRONT_MATTER_FIELDS, NESTED_FIELDS } from "../../src/content/schema.ts";
import { RESERVED_SECTION_SLUGS } from "../../src/content/section-address.ts";
import { slugify } from "../../src/content/slug.ts";
import { catalogue } from "../../src/diagnostics/catalogue.ts";
import { parseArticle } from "../../src/load/load-article.ts";
import { renderBody } from "../../src/markdown/processor.ts";
import { articleFile } from "../support/article-file.ts";
import { ROOT } from "../support/cli.ts";

/**
 * Property-based robustness: whatever an editor (or an attacker) writes, the
 * loader answers with an article or with errors an editor can act on, the
 * body never carries active content, and a build never writes outside its
 * output folder. Seeds are fixed, so every run checks the same inputs.
 */
const SEED = 42;
const ZONE = "Asia/Kabul";

/** A YAML double-quoted string that says exactly `value`, whatever it holds. */
function yamlQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff || code === 0xfffe || code === 0xffff) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

// ---------------------------------------------------------------------------
// a. Random front matter
// ---------------------------------------------------------------------------

/** A YAML-ish value, rendered after `key:` or `- ` by `render`. */
type YamlNode =
  | { readonly t: "scalar"; readonly text: string }
  | { readonly t: "literal"; readonly lines: readonly string[] }
  | { readonly t: "seq"; readonly flow: boolean; readonly items: readonly YamlNode[] }
  | { readonly t: "map"; readonly flow: boolean; readonly entries: readonly (readonly [string, YamlNode])[] };

const NASTY_SCALARS = [
  "",
  "true",
  "false",
  "True",
  "yes",
  "no",
  "on",
  "null",
  "~",
  "0",
  "-1",
  "3.14",
  "1e400",
  ".nan",
  ".inf",
  "-.inf",
  "0x1F",
  "0o17",
  "007",
  "2026-10-14T09:30:00+04:30",
  "2026-10-14T09:30:00Z",
  "2026-10-14",
  "2026-10-14 09:30",
  "2026-10-14T09:30",
  "2024-02-29T12:00:00+04:30",
  "2024-02-30T10:00:00+04:30",
  "2026-13-01T00:00:00Z",
  "2026-10-14T24:00:00Z",
  "2026-10-14T09:60:00Z",
  "2026-10-14T09:30:00+15:00",
  "0000-00-00",
  "9999-12-31T23:59:59-14:00",
  "yesterday",
  "<script>alert(1)</script>",
  `"<script>alert('x')</script>"`,
  `"\\"><img src=x onerror=alert(1)>"`,
  "'single ''quoted'''",
  `"a: b"`,
  "a: b",
  "a:b",
  "# comment",
  "x # comment",
  "&anchor value",
  "*alias",
  "*undefined",
  "!!js/function 'function(){ return 1 }'",
  "!!python/object/apply:os.system ['ls']",
  "!!binary aGVsbG8=",
  "!tag x",
  "!!str 12",
  "!!int x",
  "!!timestamp 2026-01-01",
  "<<: *a",
  "[unclosed",
  "{unclosed",
  "]",
  "}",
  "- item",
  "? complex",
  "|",
  "|-",
  ">",
  ">+",
  "%YAML 1.1",
  "---",
  "...",
  "@at",
  "`tick`",
  `"unterminated`,
  "'unterminated",
  `"\\u0000"`,
  `"\\xff"`,
  `"\\uD800"`,
  "\t",
  "\ttab",
  "https://example.org/a",
  "javascript:alert(1)",
  "photo.jpg",
  "../../etc/passwd",
  "/images/x.jpg",
  "//evil.example/x.jpg",
  "en",
  "ps",
  "fa-AF",
  "Pul-e-Khumri",
  "x".repeat(300),
  "\u202eevil",
  "\uFEFF",
  "مقاله",
  "٢٠٢٦-١٠-١٤",
  "{ title: x, url: 'https://example.org' }",
  "[a, b, [c, {d: e}]]",
  "{}",
  "[]",
];

const scalarText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY_SCALARS) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }).map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => `'${s.replace(/'/g, "''")}'`) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
);

const KEYS = [...FRONT_MATTER_FIELDS, ...Object.values(NESTED_FIELDS).flat()];
const keyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "titel",
      "Title",
      "TAGS",
      "check-also",
      "image.src",
      "<script>",
      "__proto__",
      "constructor",
      "? x",
      "- x",
      "[x]",
      "x y",
      "'q'",
      '"dq"',
      "&a k",
      "*a",
      "<<",
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 10 }).map((s) => JSON.stringify(s)) },
);

const yamlNode: fc.Arbitrary<YamlNode> = fc.letrec<{ node: YamlNode; seq: YamlNode; map: YamlNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 3, depthIdentifier: "front-matter" },
    { weight: 6, arbitrary: scalarText.map((text): YamlNode => ({ t: "scalar", text })) },
    { weight: 1, arbitrary: fc.array(scalarText, { minLength: 1, maxLength: 3 }).map((lines): YamlNode => ({ t: "literal", lines })) },
    { weight: 2, arbitrary: tie("seq") },
    { weight: 2, arbitrary: tie("map") },
  ),
  seq: fc.record({ t: fc.constant("seq" as const), flow: fc.boolean(), items: fc.array(tie("node"), { maxLength: 4 }) }),
  map: fc.record({
    t: fc.constant("map" as const),
    flow: fc.boolean(),
    entries: fc.array(fc.tuple(keyText, tie("node")), { maxLength: 4 }),
  }),
})).node;

const pad = (n: number): string => " ".repeat(n);

/** In flow context (`[...]`, `{...}`), everything is written inline. */
function renderFlow(node: YamlNode): string {
  switch (node.t) {
    case "scalar":
      return node.text;
    case "literal":
      return node.lines.join(" ");
    case "seq":
      return `[${node.items.map(renderFlow).join(", ")}]`;
    case "map":
      return `{${node.entries.map(([k, v]) => `${k}: ${renderFlow(v)}`).join(", ")}}`;
  }
}

/** What follows `key:` (or `-`) at `indent`: inline for scalars and flow collections, indented lines for block ones. */
function render(node: YamlNode, indent: number): string {
  switch (node.t) {
    case "scalar":
      return node.text === "" ? "" : ` ${node.text}`;
    case "literal":
      return ` |\n${node.lines.map((l) => `${pad(indent + 2)}${l}`).join("\n")}`;
    case "seq":
      if (node.flow || node.items.length === 0) return ` ${renderFlow(node)}`;
      return `\n${node.items.map((item) => `${pad(indent + 2)}-${render(item, indent + 2)}`).join("\n")}`;
    case "map":
      if (node.flow || node.entries.length === 0) return ` ${renderFlow(node)}`;
      return `\n${node.entries.map(([k, v]) => `${pad(indent + 2)}${k}:${render(v, indent + 2)}`).join("\n")}`;
  }
}

const entryLine = fc.tuple(keyText, yamlNode).map(([k, v]) => `${k}:${render(v, 0)}`);
const noiseLine = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("  ", "\t", "---", "...", "# just a comment", "- stray item", "  indented: wrongly", ": no key", "%TAG ! tag:x,2026:"),
);
const validBase = fc.tuple(
  fc.constantFrom("title: Floods hit Baghlan", 'title: "<script>alert(1)</script>"', "title: 'It''s here'", "title: مقاله"),
  fc.constantFrom("date: 2026-10-14T09:30:00+04:30", "date: 2026-10-14", "date: 2026-10-14T09:30:00Z", "date: 2024-02-30T10:00:00Z"),
);

/** Text an editor (or an attacker) might put in a field: quoted so that YAML reads it as text. */
const hostileText = fc
  .oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom(
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      "Kabul",
      "مقاله",
      "a: b",
      "  ",
      "x".repeat(500),
      "\u202eevil",
      "{{ 7*7 }}",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, as text
      "${7*7}",
    ),
  )
  .map(yamlQuote);
const dateText = fc.constantFrom(
  "2026-10-14T09:30:00+04:30",
  "2026-10-14",
  "2026-10-14T09:30:00Z",
  "2024-02-30T10:00:00Z",
  "2026-10-14T09:30:00+15:00",
  "yesterday",
  '"2026-10-14"',
  "2026-10-14T09:30:00.123456789-03:00",
);
const urlText = fc.constantFrom(
  "https://example.org/a",
  "http://example.org",
  "javascript:alert(1)",
  "data:text/html,x",
  "//evil.example",
  "ftp://x",
  "https://",
  "not a url",
);
const srcText = fc.constantFrom(
  "photo.jpg",
  "/images/a.jpg",
  "https://example.org/a.jpg",
  "../../etc/passwd",
  "javascript:alert(1)",
  "//evil.example/a.jpg",
  "a/../../b.jpg",
  "",
);
const listOf = <T extends string>(item: fc.Arbitrary<T>) =>
  fc.oneof(
    fc.array(item, { maxLength: 3 }).map((xs) => ` [${xs.join(", ")}]`),
    fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => `\n${xs.map((x) => `  - ${x}`).join("\n")}`),
  );
const checkAlsoItem = fc.oneof(
  fc.constantFrom("other-story", "random-story", "no-such-story", "Other Story", "../x"),
  fc.tuple(hostileText, urlText).map(([title, url]) => `{ title: ${title}, url: ${yamlQuote(url)} }`),
);

/** A field the schema knows, with a value of roughly the right shape (so that articles do come out). */
const plausibleEntry: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom("outlet", "dateline", "section", "author", "summary"), hostileText).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fc.constantFrom("tags", "authors"), listOf(hostileText)).map(([k, v]) => `${k}:${v}`),
  listOf(checkAlsoItem).map((v) => `check_also:${v}`),
  fc
    .tuple(srcText, hostileText, fc.option(hostileText))
    .map(([src, alt, caption]) => `image:\n  src: ${yamlQuote(src)}\n  alt: ${alt}${caption === null ? "" : `\n  caption: ${caption}`}`),
  fc.constantFrom("en", "ps", "fa-AF", "english", "x", '""').map((v) => `lang: ${v}`),
  fc.constantFrom("true", "false", "yes", '"true"', "1").map((v) => `draft: ${v}`),
  dateText.map((v) => `updated: ${v}`),
);

/** A whole article: maybe a BOM, an opening fence, YAML-ish lines, a closing fence (or none), a body. */
const often = <T>(usual: T, ...rare: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const articleText = fc
  .record({
    prefix: often("", "\uFEFF", " ", "\n"),
    opening: often("---", "--- ", "---yaml", "---js", "---javascript", "--- coffee", "----", "-- -"),
    base: fc.option(validBase, { freq: 4 }),
    lines: fc.oneof(
      fc.array(fc.oneof({ weight: 6, arbitrary: entryLine }, { weight: 1, arbitrary: noiseLine }), { maxLength: 8 }),
      fc.uniqueArray(plausibleEntry, { maxLength: 6, selector: (line) => line.slice(0, line.indexOf(":")) }),
    ),
    closing: often("---", "--- ", "...", "", "--- # end"),
    body: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("Body text.", "", "---\nmore: yaml\n---", "<script>x</script>")),
    eol: fc.constantFrom("\n", "\n", "\n", "\r\n", "\r"),
  })
  .map(({ prefix, opening, base, lines, closing, body, eol }) => {
    const yaml = [...(base ?? []), ...lines];
    const text = `${prefix}${opening}\n${yaml.join("\n")}\n${closing}\n${body}`;
    return eol === "\n" ? text : text.replace(/\n/g, eol);
  });

const RULES = new Set(Object.keys(catalogue));

describe("random front matter through parseArticle", () => {
  const file = articleFile("random-story");

  it("should never throw, answer with an article or an error, and give every diagnostic a position, message, hint and rule", () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const result = parseArticle(text, file, ZONE);
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        if (result.article === undefined) expect(errors.length, "no article, so at least one error").toBeGreaterThan(0);
        else expect(errors).toEqual([]);
        const lines = text.split(/\r\n|\r|\n/);
        for (const d of result.diagnostics) {
          expect(RULES.has(d.rule), `rule ${d.rule}`).toBe(true);
          expect(d.severity).toBe(catalogue[d.rule].severity);
          expect(d.file).toBe(file.display);
          expect(Number.isInteger(d.position.line) && Number.isInteger(d.position.column)).toBe(true);
          expect(d.position.line).toBeGreaterThanOrEqual(1);
          expect(d.position.column).toBeGreaterThanOrEqual(1);
          expect(d.position.line).toBeLessThanOrEqual(lines.length + 1);
          expect(d.message.trim()).not.toBe("");
          expect(d.hint.trim()).not.toBe("");
          // Words an editor should never see unless they wrote them.
          for (const junk of ["[object Object]", "undefined"]) {
            if (!text.includes(junk)) expect(`${d.message} ${d.hint}`).not.toContain(junk);
          }
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("should point every diagnostic at a column inside its line (or just past its end)", () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const lines = text.replace(/\r\n?/g, "\n").split("\n");
        for (const d of parseArticle(text, file, ZONE).diagnostics) {
          const line = lines[d.position.line - 1] ?? "";
          expect(d.position.column, `${d.rule} at ${d.position.line}:${d.position.column}`).toBeLessThanOrEqual(line.length + 1);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------
// b. Random Markdown: no active content ever reaches the page
// ---------------------------------------------------------------------------

const MARKDOWN_FRAGMENTS = [
  ">",
  "> ",
  "*",
  "**",
  "_",
  "__",
  "~~",
  "[",
  "]",
  "](",
  ")",
  "![",
  "[x]: ",
  "[^1]",
  "[^1]: ",
  "<",
  ">",
  '"',
  "'",
  "(",
  "`",
  "```",
  "~~~",
  "|",
  "|---|",
  "-",
  "- ",
  "1. ",
  "#",
  "# ",
  "\n",
  "\n\n",
  "    ",
  "\t",
  "\\",
  "&",
  "&amp;",
  "&#0;",
  "<script>",
  "</script>",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:",
  "javascript:alert(1)",
  "JaVaScRiPt:",
  "vbscript:",
  "data:",
  "data:text/html;base64,PHNjcmlwdD4=",
  "<iframe src=javascript:alert(1)>",
  "<iframe srcdoc='<script>alert(1)</script>'>",
  "&#106;avascript:",
  "&#x6A;avascript:",
  "&#0000106;",
  "&colon;",
  "&Tab;",
  "&NewLine;",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<a href="data:text/html,<script>alert(1)</script>">',
  '<a href="javascript:alert(1)">',
  "</a>",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<style>*{}</style>",
  '<div style="background:url(javascript:alert(1))">',
  "<form action=javascript:alert(1)><button>x</button></form>",
  "<base href=//evil.example/>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<textarea>",
  "<title>",
  "<noscript>",
  "<template>",
  "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
  "<link rel=stylesheet href=x>",
  "<!--",
  "-->",
  "<![CDATA[",
  "<?php",
  "onclick=alert(1)",
  'onmouseover="alert(1)"',
  " style=x",
  "www.",
  "http://",
  "https://",
  "mailto:",
  "%0a",
  "%6Aavascript:",
  "\u0000",
  "\u000b",
  "\u00a0",
  "\u2028",
  "x",
  "foo",
  "^",
  "[ ] ",
  "[x] ",
];

/** Pieces that make schemes hard to recognize, for link destinations. */
const URL_PIECES = [
  "java",
  "script",
  "JAVA",
  "Script",
  ":",
  "&#",
  "x09;",
  "&#106;",
  "&#x3A;",
  "&colon;",
  "\t",
  " ",
  "%0a",
  "%3a",
  "\u0000",
  "\u0001",
  "\u000b",
  "\u00a0",
  "data",
  ":text/html,",
  "vb",
  "alert(1)",
  "/",
  "//",
  "\\",
  "?",
  "#",
  "https://example.org",
  "mailto:x@example.org",
  "&Tab;",
  "&NewLine;",
];

const urlish = fc.array(fc.constantFrom(...URL_PIECES), { maxLength: 8 }).map((p) => p.join(""));
const linkish = fc
  .tuple(fc.string({ maxLength: 6 }), urlish, fc.string({ maxLength: 6 }))
  .chain(([text, url, title]) =>
    fc.constantFrom(
      `[${text}](${url})`,
      `[${text}](<${url}>)`,
      `[${text}](${url} "${title}")`,
      `![${text}](${url})`,
      `![${text}](${url} '${title}')`,
      `<${url}>`,
      `[${text}][r]\n\n[r]: ${url}\n`,
      `![${text}][r]\n\n[r]: <${url}> "${title}"\n`,
      `<a href="${url}">${text}</a>`,
      `<img src="${url}">`,
    ),
  );

const markdown = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...MARKDOWN_FRAGMENTS) },
      { weight: 2, arbitrary: linkish },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const dateline = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...MARKDOWN_FRAGMENTS), markdown);

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "form",
  "base",
  "style",
  "svg",
  "math",
  // Not in the brief's list, but no less active: refuse them too.
  "frame",
  "frameset",
  "applet",
  "meta",
  "link",
  "template",
  "noscript",
  "textarea",
  "button",
  "select",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "cite",
  "action",
  "formaction",
  "poster",
  "background",
  "xlinkhref",
  "data",
  "longdesc",
  "srcset",
  "ping",
  "manifest",
]);
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/;

/** Every problem with one element, or none. */
function problemsOf(element: Element): string[] {
  const problems: string[] = [];
  if (FORBIDDEN_ELEMENTS.has(element.tagName.toLowerCase())) problems.push(`<${element.tagName}> element`);
  for (const [name, value] of Object.entries(element.properties)) {
    const lower = name.toLowerCase().replace(/[^a-z]/g, "");
    if (lower.startsWith("on")) problems.push(`event handler attribute ${name}`);
    if (lower === "srcdoc") problems.push("srcdoc attribute");
    if (lower === "style") problems.push("style attribute");
    if (URL_ATTRIBUTES.has(lower)) {
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        // What a browser would make of it: trimmed, lowercased, without whitespace and control characters.
        // eslint-disable-next-line no-control-regex
        const normalized = String(v)
          .trim()
          .toLowerCase()
          .replace(/[\u0000-\u0020\u007f-\u009f\s]/g, "");
        if (UNSAFE_SCHEME.test(normalized)) problems.push(`${name}="${String(v)}"`);
      }
    }
  }
  return problems;
}

function problemsIn(node: Root | RootContent): string[] {
  const own = node.type === "element" ? problemsOf(node) : [];
  const children = "children" in node ? node.children.flatMap(problemsIn) : [];
  const template = node.type === "element" && node.content !== undefined ? problemsIn(node.content) : [];
  return [...own, ...children, ...template];
}

describe("random Markdown through renderBody", () => {
  it("should never throw", () => {
    fc.assert(
      fc.property(markdown, dateline, (md, city) => {
        expect(typeof renderBody(md, { dateline: city }).html).toBe("string");
      }),
      { seed: SEED, numRuns: 700 },
    );
  });

  it("should never emit active content: no scripts, frames, forms, styles, handlers or unsafe URLs", () => {
    fc.assert(
      fc.property(markdown, dateline, (md, city) => {
        const { html } = renderBody(md, { dateline: city });
        const problems = problemsIn(fromHtml(html, { fragment: true }));
        expect(problems, html).toEqual([]);
      }),
      { seed: SEED, numRuns: 700 },
    );
  });

  it("should catch what it is meant to catch (self-test of the checker)", () => {
    const tree = fromHtml(
      '<p><script>x</script><a href=" JaVa&#x0A;script:alert(1)" onclick="x">a</a><img src="data:image/png,x" style="x"><iframe srcdoc="x"></iframe><svg></svg></p>',
      { fragment: true },
    );
    expect(problemsIn(tree)).toEqual([
      "<script> element",
      'href=" JaVa\nscript:alert(1)"',
      "event handler attribute onClick",
      'src="data:image/png,x"',
      "style attribute",
      "<iframe> element",
      "srcdoc attribute",
      "<svg> element",
    ]);
  });
});

// ---------------------------------------------------------------------------
// c. A build never writes outside its output folder
// ---------------------------------------------------------------------------

/**
 * Run the real CLI as `runCli` (tests/support/cli.ts) does, but with the
 * temporary folder as the working directory, so that anything written
 * relative to it is seen too. tsx is loaded by absolute path and told where
 * the project's tsconfig is, as `npm run build` would find them.
 */
const TSX_LOADER = createRequire(path.join(ROOT, "package.json")).resolve("tsx");
interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
function build(cwd: string, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX_LOADER, path.join(ROOT, "src/cli/main.ts"), "build", ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Every entry under `dir` (not following links): relative path → kind and, for files, bytes. */
function tree(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const child = path.join(rel, name);
      const stat = lstatSync(path.join(dir, child));
      if (stat.isDirectory()) {
        entries.set(child, "dir");
        walk(child);
      } else if (stat.isFile()) entries.set(child, `file ${readFileSync(path.join(dir, child)).toString("base64")}`);
      else entries.set(child, stat.isSymbolicLink() ? "symlink" : "other");
    }
  };
  walk("");
  return entries;
}

const articleSource = (title: string, extra = ""): string =>
  `---\ntitle: ${yamlQuote(title)}\ndate: 2026-10-01T10:00:00+04:30\n${extra}---\nHostile names, harmless pages.\n`;

/** Names the file system accepts (Linux: no `/`, no NUL, at most 255 bytes, not `.` or `..`). */
const fileNameOk = (name: string): boolean =>
  name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\0") && Buffer.byteLength(name, "utf8") <= 255;

/** Letters and digits an address can be made of, including look-alikes of path characters (ǀ ǃ: Latin letters). */
const SLUG_CHARS = ["a", "e", "t", "c", "z", "0", "9", "ǀ", "ǃ", "ｅ", "é", "ب", "ا", "ή", "ß", "٠", "ĳ"];
const validSlug = fc.array(fc.array(fc.constantFrom(...SLUG_CHARS), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }).map((groups) =>
  groups
    .map((g) => g.join(""))
    .join("-")
    .normalize("NFC"),
);

/** Characters of hostile path-like text: dots, slashes and their look-alikes, escapes, controls. */
const PATH_CHARS = [
  ".",
  ".",
  "/",
  "/",
  "\\",
  "%",
  "2",
  "e",
  "f",
  "~",
  " ",
  "\t",
  ":",
  "*",
  "?",
  "$",
  "a",
  "Z",
  "ǀ",
  "∕",
  "⁄",
  "／",
  "．",
  "‥",
  "…",
  "\u202e",
  "\u0000",
  "\n",
];
const pathish = fc.array(fc.constantFrom(...PATH_CHARS), { minLength: 1, maxLength: 24 }).map((c) => c.join(""));
const hasLetterOrDigit = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);

const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] => fc.sample(arb, { seed, numRuns: n });

/** The layout of one build: the inputs inside `root`, the output at `root/site/out`; `outer` has three spare levels above. */
interface Workspace {
  readonly outer: string;
  readonly root: string;
  readonly content: string;
  readonly out: string;
}

function workspace(outer: string, name: string): Workspace {
  const root = path.join(outer, name, "l1", "l2", "tmp");
  mkdirSync(path.join(root, "content"), { recursive: true });
  mkdirSync(path.join(root, "site"), { recursive: true });
  writeFileSync(path.join(root, "site.yaml"), "name: Hostile Times\nurl: https://hostile.example.org\ntimezone: Asia/Kabul\nsections:\n  - World\n  - National\n");
  return { outer: path.join(outer, name), root, content: path.join(root, "content"), out: path.join(root, "site", "out") };
}

function write(ws: Workspace, rel: string, text: string | Buffer): void {
  const file = path.join(ws.content, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

interface BuildRun {
  readonly ws: Workspace;
  readonly before: Map<string, string>;
  readonly after: Map<string, string>;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function runBuild(ws: Workspace): Promise<BuildRun> {
  const before = tree(ws.outer);
  const result = await build(ws.root, ["--content", ws.content, "--out", ws.out, "--now", "2026-11-24T12:00:00Z"]);
  return { ws, before, after: tree(ws.outer), ...result };
}

/** Entries created, changed or removed anywhere but inside the output folder. */
function changesOutsideOut(run: BuildRun): string[] {
  const outRel = path.relative(run.ws.outer, run.ws.out);
  const inOut = (rel: string): boolean => rel === outRel || rel.startsWith(`${outRel}${path.sep}`);
  const changes: string[] = [];
  for (const [rel, kind] of run.after) {
    if (inOut(rel)) continue;
    const was = run.before.get(rel);
    if (was === undefined) changes.push(`created ${rel}`);
    else if (was !== kind) changes.push(`changed ${rel}`);
  }
  for (const rel of run.before.keys()) if (!run.after.has(rel)) changes.push(`removed ${rel}`);
  return changes;
}

function expectContained(run: BuildRun): void {
  expect(changesOutsideOut(run), run.stderr).toEqual([]);
  const site = path.join(run.ws.root, "site");
  expect(
    readdirSync(site).filter((name) => name !== "out"),
    "nothing but `out` in the output's parent",
  ).toEqual([]);
}

function expectCleanExit(run: BuildRun): void {
  expect(run.stderr).not.toContain("internal error");
  expect(run.stderr, "no stack trace").not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect([0, 1], `exit status ${run.status}\n${run.stderr.slice(0, 2000)}`).toContain(run.status);
}

describe("a build on hostile names and sections", () => {
  let outer: string;
  // Built once each in beforeAll, side by side: every CLI run costs a few seconds.
  let valid: BuildRun;
  let empty: BuildRun;
  let names: BuildRun;
  const validArticles: { slug: string; rel: string }[] = [];
  const GLOB_ASSETS = ["*", "**", "?", "[a-z]*", "{..,x}", "!(x)", "..%2f..%2fevil.svg", "a∕b.png"];
  const IGNORED_BESIDE = ["_notes.txt", ".env"];

  beforeAll(async () => {
    outer = mkdtempSync(path.join(tmpdir(), "newsroom-hostile-"));

    // 1. Valid file names, hostile sections (each with a letter or digit, so each has an address).
    const a = workspace(outer, "valid");
    const add = (rel: string, slug: string, extra = ""): void => {
      write(a, rel, articleSource(`Story ${slug}`, extra));
      validArticles.push({ slug, rel });
    };
    const sections = [
      "/etc",
      "../../../../../../etc/cron.d",
      "..\\..\\windows\\system32",
      "%2e%2e%2fetc",
      "~root",
      "$HOME",
      "C:\\Windows",
      "\u202e/etc",
      "ǀ..ǀ..ǀetc",
      "index.html",
      "404.html",
      "..", // ".." has no letter: kept for build 2
    ].filter(hasLetterOrDigit);
    sections.push(
      ...sample(
        pathish.filter((s) => hasLetterOrDigit(s) && !RESERVED_SECTION_SLUGS.has(slugify(s))),
        15,
        SEED,
      ),
    );
    sections.forEach((section, i) => add(`world/section-${i}.md`, `section-${i}`, `section: ${yamlQuote(section)}\n`));
    const slugs = [...new Set(["ǀetcǀpasswd", "ｅｔｃ", "٠١٢", "a".repeat(200), ...sample(validSlug, 20, SEED)])];
    slugs.forEach((slug) => add(`world/${slug}.md`, slug));
    // (A folder with no letter or digit, like " ", has no address either: see build 2.)
    for (const folder of ["%2e%2e", "ǀetc", "CON", "a∕b", "...."]) {
      // `....` starts with a dot: the finder ignores it, so it is not expected in the output.
      if (folder.startsWith(".")) write(a, `${folder}/ignored-${validArticles.length}.md`, articleSource("Ignored"));
      else add(`${folder}/in-folder-${validArticles.length}.md`, `in-folder-${validArticles.length}`);
    }
    // A picture bundle whose file names are glob patterns, beside files the finder ignores.
    add("world/bundle-story/index.md", "bundle-story");
    for (const asset of GLOB_ASSETS) write(a, `world/bundle-story/${asset}`, `asset ${asset}\n`);
    for (const ignored of IGNORED_BESIDE) write(a, `world/bundle-story/${ignored}`, "private\n");

    // 2. Sections with no letter or digit at all (nothing to make an address of), or the address of the site's own pages.
    const b = workspace(outer, "empty-sections");
    const noLetters = [
      "../..",
      ".",
      "/",
      "..\\..",
      "%",
      "…",
      "／．．",
      "css",
      "../tags",
      ...sample(
        pathish.filter((s) => !hasLetterOrDigit(s) && s.trim() !== ""),
        8,
        SEED,
      ),
    ];
    noLetters.forEach((section, i) => write(b, `world/story-${i}.md`, articleSource(`Story ${i}`, `section: ${yamlQuote(section)}\n`)));
    write(b, "world/plain-story.md", articleSource("Plain story"));
    write(b, " /folder-story.md", articleSource("In a folder named with a space"));

    // 3. Hostile file and folder names: most are not valid slugs, so the build must refuse them.
    const c = workspace(outer, "names");
    const hostileNames = [
      "..%2f..%2fetc%2fpasswd",
      "%2e%2e",
      "...",
      "..a",
      "a..",
      ". .",
      "CON",
      "nul",
      "a∕b",
      "a／b",
      "a⁄b",
      "a\\b",
      "a b",
      "A",
      "x".repeat(252),
      "é".repeat(126),
      "\u202egnp",
      "ᅟ",
      "a\u200db",
      "-",
      "--",
      "a--b",
      "_draft",
      ".hidden",
      "index",
      "README",
      "readme",
      "line\nbreak",
      ...sample(
        fc.array(fc.constantFrom(...PATH_CHARS, "a", "-", "_", "{", "}", "[", "]"), { minLength: 1, maxLength: 40 }).map((x) => x.join("")),
        25,
        SEED,
      ),
    ].filter((n) => fileNameOk(`${n}.md`));
    const folders = ["world", "%2e%2e", "ǀetc", "CON", " ", "a∕b", "...."];
    [...new Set(hostileNames)].forEach((name, i) => {
      const section = sample(pathish, 1, SEED + i)[0] ?? "x";
      write(c, `${folders[i % folders.length]}/${name}.md`, articleSource(`Name ${i}`, `section: ${yamlQuote(section)}\n`));
    });
    [valid, empty, names] = await Promise.all([runBuild(a), runBuild(b), runBuild(c)]);
  }, 150_000);

  afterAll(() => {
    rmSync(outer, { recursive: true, force: true });
  });

  describe("with valid names and hostile sections", () => {
    it("should build, exiting 0 without an internal error", () => {
      expectCleanExit(valid);
      expect(valid.status, valid.stderr.slice(0, 3000)).toBe(0);
    });

    it("should never write outside the output folder, nor change the content", () => {
      expectContained(valid);
    });

    it("should publish every article at <section>/<slug>/index.html inside the output", () => {
      const pages = [...valid.after.keys()].filter((rel) => rel.endsWith(`${path.sep}index.html`));
      const outRel = path.relative(valid.ws.outer, valid.ws.out);
      for (const { slug, rel } of validArticles) {
        const found = pages.filter((p) => {
          const parts = path.relative(outRel, p).split(path.sep);
          return parts.length === 3 && parts[1] === slug.normalize("NFC");
        });
        expect(found, `page of ${rel}`).toHaveLength(1);
      }
    });

    it("should publish none of a bundle's files its article does not show, naming each in a warning", () => {
      const outRel = path.relative(valid.ws.outer, valid.ws.out);
      const bundle = path.join(outRel, "world", "bundle-story");
      const published = [...valid.after.keys()].filter((rel) => rel.startsWith(`${bundle}${path.sep}`)).map((rel) => path.relative(bundle, rel));
      expect(published).toEqual(["index.html"]);
      // A name starting with a dot is private to the bundle, like `.env`: not even listed.
      for (const asset of GLOB_ASSETS.filter((name) => !name.startsWith("."))) expect(valid.stderr, asset).toContain(`bundle-file-ignored  \`${asset}\``);
      const everywhere = [...valid.after.keys()].filter((rel) => rel.startsWith(`${outRel}${path.sep}`)).map((rel) => path.basename(rel));
      for (const secret of [...IGNORED_BESIDE, ...GLOB_ASSETS, "index.md"]) expect(everywhere, secret).not.toContain(secret);
    });
  });

  describe("with sections that have no letter or digit", () => {
    it("should never write outside the output folder, nor change the content", () => {
      expectContained(empty);
    });

    it("should exit 0 or 1 with a diagnostic, never with an internal error", () => {
      expectCleanExit(empty);
    });
  });

  describe("with hostile file and folder names", () => {
    it("should refuse them with exit 1 and no internal error", () => {
      expectCleanExit(names);
      expect(names.status).toBe(1);
      expect(names.stderr).toContain("slug-invalid");
    });

    it("should never write outside the output folder, nor publish anything", () => {
      expectContained(names);
      expect(readdirSync(path.join(names.ws.root, "site"))).toEqual([]);
    });
  });
});
