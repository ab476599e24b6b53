import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/load/load-article.ts";
import { articleFile } from "../../support/article-file.ts";

/**
 * Issue 19 item 7: an alias bomb is refused, and the message says which
 * field uses it and under which key (not a front-matter field) its anchors sit.
 */
const laughs = (under: string, indent = ""): string[] => {
  const names = "abcdefghi";
  const lines = [`${indent}${names[0]}: &${names[0]} [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${indent}${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(", ")}]`,
    );
  return under === "" ? lines : [`${under}: &${under}`, ...lines.map((l) => `  ${l}`)];
};

function refuse(frontMatter: string[]) {
  const text = `---\ntitle: Floods\ndate: 2026-10-14T09:30:00+04:30\n${frontMatter.join("\n")}\n---\nBody.\n`;
  const result = parseArticle(text, articleFile("bomb"), "Asia/Kabul");
  expect(result.article).toBeUndefined();
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.length).toBe(1);
  return { error: errors[0]!, lines: text.split("\n") };
}

describe("an alias bomb in front matter", () => {
  it("names the field that uses it and the unknown key its anchors sit under", () => {
    const { error, lines } = refuse([...laughs("lols"), "tags: *lols"]);
    expect(error.rule).toBe("yaml-syntax");
    expect(error.message).toContain("`tags`");
    expect(error.message).toContain("`lols`");
    expect(error.message).toMatch(/alias/i);
    expect(lines[error.position.line - 1]).toMatch(/^tags:/);
  });

  it("names the field when the anchors sit at the top level, under unknown keys", () => {
    const { error, lines } = refuse([...laughs(""), "tags: [*i]"]);
    expect(error.message).toContain("`tags`");
    expect(error.message).toContain("`i`");
    expect(lines[error.position.line - 1]).toMatch(/^tags:/);
  });

  it("names the nested key when the bomb goes off inside an unknown key", () => {
    const { error, lines } = refuse(["extra:", "  deep:", ...laughs("", "    "), "    boom: *i"]);
    expect(error.message).toContain("`extra.deep.boom`");
    expect(lines[error.position.line - 1]).toMatch(/boom:/);
  });
});
