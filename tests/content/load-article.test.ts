import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load/load-article.ts";
import { articleFile } from "../support/article-file.ts";

const ZONE = "Asia/Kabul";
const parse = (text: string, name = "story") => parseArticle(text, articleFile(name), ZONE);
const rules = (text: string) => parse(text).diagnostics.map((d) => `${d.rule}@${d.position.line}:${d.position.column}`);

describe("parseArticle", () => {
  it("should load a valid article with its rendered body and dateline", () => {
    const r = parse("---\ntitle: Floods hit Baghlan\ndate: 2026-10-14T09:30:00+04:30\ndateline: Pul-e-Khumri\ntags: [floods]\n---\nWater rose overnight.\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.article?.slug).toBe("story");
    expect(r.article?.frontMatter.tags).toEqual(["floods"]);
    expect(r.article?.body.html.read()).toBe('<p><span class="dateline" dir="auto">PUL-E-KHUMRI</span> – Water rose overnight.</p>\n');
    expect(r.article?.body.firstParagraph).toBe("Water rose overnight.");
  });

  it("should point at a missing required field", () => {
    expect(rules("---\ntitle: x\n---\nbody")).toEqual(["field-required@1:1"]);
    expect(parse("---\ntitle: x\n---\nbody").diagnostics[0]?.message).toBe("The required field `date` is missing.");
  });

  it("should point at the value with the wrong type", () => {
    const text = "---\ntitle: 2024\ndate: 2026-10-14T09:30:00+04:30\ntags: floods\n---\n";
    expect(rules(text)).toEqual(["field-type@2:8", "field-type@4:7"]);
    const [title, tags] = parse(text).diagnostics;
    expect(title?.message).toBe("`title` must be text, but it is the number 2024.");
    expect(tags?.message).toBe('`tags` must be a list, but it is the text "floods".');
  });

  it("should point at a list where a string belongs", () => {
    expect(rules("---\ntitle: [a, b]\ndate: 2026-10-14T09:30:00+04:30\n---\n")).toEqual(["field-type@2:8"]);
  });

  it("should suggest the field an unknown one was meant to be", () => {
    const r = parse("---\ntitle: x\ndate: 2026-10-14T09:30:00+04:30\noutlt: AT News\n---\n");
    expect(r.diagnostics.map((d) => [d.rule, d.position.line, d.position.column])).toEqual([["field-unknown", 4, 1]]);
    expect(r.diagnostics[0]?.message).toBe("Unknown field `outlt`. Did you mean `outlet`?");
  });

  it("should refuse impossible and ambiguous dates", () => {
    expect(rules("---\ntitle: x\ndate: 2024-02-30T10:00:00+04:30\n---\n")).toEqual(["date-invalid@3:7"]);
    expect(rules("---\ntitle: x\ndate: yesterday\n---\n")).toEqual(["date-invalid@3:7"]);
  });

  it("should warn about a date without offset but still load the article", () => {
    const r = parse("---\ntitle: x\ndate: 2026-10-14T09:30:00\n---\n");
    expect(r.diagnostics.map((d) => `${d.severity}:${d.rule}`)).toEqual(["warning:date-no-offset"]);
    expect(r.article?.frontMatter.date.offset).toBe(270);
  });

  it("should refuse check_also links that are not http(s)", () => {
    const text = "---\ntitle: x\ndate: 2026-10-14T09:30:00+04:30\ncheck_also:\n  - title: Bad\n    url: javascript:alert(1)\n---\n";
    expect(rules(text)).toEqual(["field-invalid@6:10"]);
  });

  it("should report both author and authors", () => {
    expect(rules("---\ntitle: x\ndate: 2026-10-14T09:30:00+04:30\nauthor: A\nauthors: [B]\n---\n")).toEqual(["field-conflict@5:1"]);
  });

  it("should point an unclosed quote, bracket or brace at where it opened, not where YAML noticed", () => {
    expect(rules('---\ntitle: "unclosed\ndate: 2026-10-14T09:30:00+04:30\n---\n')).toEqual(["yaml-syntax@2:8"]);
    expect(rules("---\ntitle: x\ndateline: [NAHRIN\ndate: 2026-10-14T09:30:00+04:30\n---\n")).toEqual(["yaml-syntax@3:11"]);
    expect(rules("---\ntitle: x\ntags: {a: 1\ndate: 2026-10-14T09:30:00+04:30\n---\n")).toEqual(["yaml-syntax@3:7"]);
    const [d] = parse("---\ntitle: x\ndateline: [NAHRIN\ndate: 2026-10-14T09:30:00+04:30\n---\n").diagnostics;
    expect(d?.message).toContain("the `[` opened here is never closed");
  });

  it("should explain a `: ` inside a value in plain words, with the line as it should be written", () => {
    const text = '---\ntitle: Breaking: envoy calls deal "a first step"\ndate: 2026-10-14T09:30:00+04:30\n---\n';
    const [d] = parse(text).diagnostics;
    expect(`${d?.rule}@${d?.position.line}:${d?.position.column}`).toBe("yaml-syntax@2:8");
    // Single quotes, in which nothing needs a backslash (issue 21).
    const fixed = /put the whole value in single quotes: `(.*)`$/.exec(d?.message ?? "")?.[1] ?? "";
    expect(fixed).toBe(`title: 'Breaking: envoy calls deal "a first step"'`);
    const r = parse(text.replace(/^title: .*$/m, fixed));
    expect(r.diagnostics).toEqual([]);
    expect(r.article?.frontMatter.title).toBe('Breaking: envoy calls deal "a first step"');
  });

  it("should not take an apostrophe in plain text for a quote", () => {
    expect(rules("---\ntitle: Kabul's floods\ndateline: [NAHRIN\ndate: 2026-10-14T09:30:00+04:30\n---\n")).toEqual(["yaml-syntax@3:11"]);
  });

  it("should count lines itself after tokens YAML could not place, and with CR LF line ends", () => {
    expect(rules('---\ntitle: []\n](\ntitle: ""\n---\n')).toEqual(["yaml-syntax@3:1", "yaml-syntax@3:2", "yaml-syntax@4:6", "yaml-syntax@4:8"]);
    expect(rules("---\r\ntitle: x\r\ntags: [a\r\ndate: 2026-10-14T09:30:00+04:30\r\n---\r\n")).toEqual(["yaml-syntax@3:7"]);
  });

  it("should refuse an empty file, missing front matter and other languages", () => {
    expect(rules("")).toEqual(["file-empty@1:1"]);
    expect(rules("# Just a body\n")).toEqual(["front-matter-missing@1:1"]);
    expect(rules("---js\n{}\n---\n")).toEqual(["front-matter-language@1:4"]);
  });

  it("should refuse a file name that is not a slug and propose one", () => {
    const r = parse("---\ntitle: x\ndate: 2026-10-14T09:30:00+04:30\n---\n", "Trade & Transit");
    expect(r.diagnostics[0]?.rule).toBe("slug-invalid");
    expect(r.diagnostics[0]?.hint).toContain("`trade-transit`");
  });

  it("should keep template syntax in a body as text", () => {
    const r = parse("---\ntitle: x\ndate: 2026-10-14T09:30:00+04:30\n---\n{{ 7 * 7 }} and {% raw %} <%= x %>\n");
    expect(r.article?.body.html.read()).toBe("<p>{{ 7 * 7 }} and {% raw %} &#x3C;%= x %></p>\n");
  });

  it("should report every problem of a file at once", () => {
    const r = parse("---\ntitle: 5\ndate: 2024-02-30T10:00:00Z\nsumary: x\ntags: a\n---\n");
    expect(r.diagnostics.map((d) => d.rule).sort()).toEqual(["date-invalid", "field-type", "field-type", "field-unknown"]);
  });
});

describe("reading article files (loadArticles, as builds do)", () => {
  it("should refuse a file that is not UTF-8 instead of publishing garbled text", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { loadArticles } = await import("../../src/load/load-articles.ts");
    const load = (file: ReturnType<typeof articleFile>) => loadArticles({ files: [file], zone: ZONE, embedHosts: [], cache: undefined });
    const dir = mkdtempSync(path.join(tmpdir(), "encoding-"));
    try {
      const latin1 = Buffer.concat([Buffer.from("---\ntitle: Caf"), Buffer.from([0xe9]), Buffer.from("\ndate: 2026-10-14T09:30:00Z\n---\nx\n")]);
      const file = { ...articleFile("cafe"), absolute: path.join(dir, "cafe.md") };
      writeFileSync(file.absolute, latin1);
      const r = await load(file);
      expect(r.articles).toEqual([]);
      expect(r.diagnostics.map((d) => [d.rule, d.message])).toEqual([["file-encoding", "The file is not valid UTF-8 (first bad byte at offset 14)."]]);
      writeFileSync(file.absolute, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("---\ntitle: Café\ndate: 2026-10-14T09:30:00Z\n---\nx\n")]));
      expect((await load(file)).articles[0]?.frontMatter.title).toBe("Café");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("should read each file whole and only its own bytes, long or short, one after another", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { readArticleSource } = await import("../../src/content/read-source.ts");
    const dir = mkdtempSync(path.join(tmpdir(), "sizes-"));
    try {
      // Short, then longer than any first buffer (multi-byte text), then short again: no bytes of one file may leak into the next.
      const texts = ["---\ntitle: A\n---\nshort\n", `---\ntitle: B\n---\n${"کابل – ".repeat(40_000)}end\n`, "x", ""];
      texts.forEach((text, i) => {
        const file = { ...articleFile(`f${i}`), absolute: path.join(dir, `f${i}.md`) };
        writeFileSync(file.absolute, text);
        expect(readArticleSource(file)).toEqual({ source: text });
      });
      // Bytes are kept while later files are read (in shared blocks, a long file apart): read all, then decode each.
      const { readArticleBytes, decodeSource } = await import("../../src/content/read-source.ts");
      const kept = texts.map((_, i) => readArticleBytes({ ...articleFile(`f${i}`), absolute: path.join(dir, `f${i}.md`) }));
      expect(kept.map((read) => ("bytes" in read ? decodeSource(read.bytes) : read))).toEqual(texts);
      writeFileSync(path.join(dir, "bad.md"), Buffer.from([0x61, 0xff, 0x62]));
      const bad = readArticleBytes({ ...articleFile("bad"), absolute: path.join(dir, "bad.md") });
      expect("diagnostic" in bad && bad.diagnostic.rule).toBe("file-encoding");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
