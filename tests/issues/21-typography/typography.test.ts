import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBody } from "../../../src/markdown/processor.ts";
import { smartText } from "../../../src/markdown/typography.ts";
import { article, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 21: curly quotes, apostrophes, dashes and ellipses in titles and
 * bodies; never inside code, URLs or raw HTML; guillemets in Arabic script.
 */
describe("smartText", () => {
  it.each([
    [`"Teachers protest," she said.`, "“Teachers protest,” she said."],
    [`He said 'no' twice.`, "He said ‘no’ twice."],
    [`Afghanistan's wheat`, "Afghanistan’s wheat"],
    [`in the '90s and '80s`, "in the ’90s and ’80s"],
    [`rock 'n' roll`, "rock ’n’ roll"],
    [`KABUL - The talks`, "KABUL – The talks"],
    [`pages 10--20`, "pages 10–20"],
    [`a pause---then`, "a pause—then"],
    [`and then...`, "and then…"],
    [`("quoted")`, "(“quoted”)"],
    [`"'Nested' quotes"`, "“‘Nested’ quotes”"],
    [`She said: "Go."`, "She said: “Go.”"],
    [`a well-known fact`, "a well-known fact"],
  ])("%s", (input, output) => {
    expect(smartText(input)).toBe(output);
  });

  it("uses guillemets for quotes around Arabic-script text, not English curly quotes", () => {
    expect(smartText(`گفت "ما چیزی نداریم" و رفت`)).toBe("گفت «ما چیزی نداریم» و رفت");
    expect(smartText(`گفت "ما چیزی نداریم" و رفت`)).not.toMatch(/[“”]/);
    expect(smartText(`او 'نه' گفت`)).toBe(`او 'نه' گفت`);
  });

  it("leaves addresses alone", () => {
    expect(smartText(`see https://example.org/a--b/it's/"x"/...end now`)).toBe(`see https://example.org/a--b/it's/"x"/...end now`);
    expect(smartText(`"see https://example.org/a--b"...`)).toBe("“see https://example.org/a--b”…");
    expect(smartText(`write to desk--news@example.org`)).toBe("write to desk--news@example.org");
    expect(smartText(`www.example.org/x--y`)).toBe("www.example.org/x--y");
  });
});

describe("bodies", () => {
  const html = (md: string): string => renderBody(md).html;

  it("smartens text across emphasis and links", () => {
    expect(html(`"*Everything* is gone," he said -- and left.`)).toContain("“<em>Everything</em> is gone,” he said – and left.");
    expect(html(`Read "[the report](https://example.org/r)".`)).toContain('“<a href="https://example.org/r">the report</a>”');
  });

  it("never touches code, fenced or inline, URLs or raw HTML", () => {
    const out = html('Run `echo "hi" -- \'x\'...` now.\n\n```\nsay "hi" -- it\'s...\n```\n\n<https://example.org/a--b>\n');
    expect(out).toContain("<code>echo \"hi\" -- 'x'...</code>");
    expect(out).toContain('say "hi" -- it\'s...');
    expect(out).toContain('<a href="https://example.org/a--b">https://example.org/a--b</a>');
  });

  it("keeps a quote or hyphen the editor escaped as written", () => {
    expect(html(`A 12\\" pipe, &quot;so&quot; and a\\-\\-b, but "this" -- yes.`)).toContain('A 12" pipe, "so" and a--b, but “this” – yes.');
  });

  it("gives the first paragraph the same treatment", () => {
    expect(renderBody(`It's "here".`).firstParagraph).toBe("It’s “here”.");
  });
});

describe("titles, everywhere a title is shown", () => {
  let site: Site;
  beforeAll(() => {
    site = makeSite({
      "content/national/teachers-protest.md": article("", "Teachers gathered in Kabul. They asked for pay.").replace(
        "title: A plain headline",
        `title: 'Teachers protest: "we cannot buy bread" -- Kabul''s schools'`,
      ),
    });
    expect(site.build().status).toBe(0);
  });
  afterAll(() => site.remove());

  it("curls the quotes in h1, <title>, cards, feeds and JSON-LD", () => {
    const out = site.outputs();
    const smart = "Teachers protest: “we cannot buy bread” – Kabul’s schools";
    const page = out.get("national/teachers-protest/index.html") ?? "";
    expect(page).toContain(`<h1>${smart}</h1>`);
    expect(page).toMatch(new RegExp(`<title>${smart}`));
    expect(page).toContain(`"headline":"${smart}"`);
    expect(out.get("national/index.html")).toContain(smart);
    expect(out.get("index.html")).toContain(smart);
    expect(out.get("feed.xml")).toContain(smart);
    expect(out.get("feed.json")).toContain(smart);
  });

  it("keeps the address made from the file name", () => {
    expect(site.outputs().has("national/teachers-protest/index.html")).toBe(true);
  });
});
