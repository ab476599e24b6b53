import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/** Issue 21: the editors' YAML hints in plain words. */
let site: Site | undefined;
afterEach(() => site?.remove());

const file = (frontMatter: string): string => `---\n${frontMatter}---\nBody.\n`;

describe("a tab in the front matter", () => {
  it.each([
    ["title: A headline\n\tdate: 2026-10-14T09:30:00+04:30\n", 3, 1],
    ["title: A headline\ndate: 2026-10-14T09:30:00+04:30\ntags:\n  - one\n  \t- two\n", 6, 3],
  ])("%j says to replace the tab with spaces, at the tab", (frontMatter, line, column) => {
    site = makeSite({ "content/national/a.md": file(frontMatter) });
    const found = jsonDiagnostics(site.check("json"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line, column, severity: "error" });
    expect(`${found[0]?.message} ${found[0]?.hint}`).toMatch(/replace the tab with spaces/i);
  });
});

describe("a colon in a value", () => {
  it.each([
    [`title: Teachers protest: "we cannot buy bread"`, `title: 'Teachers protest: "we cannot buy bread"'`],
    [`title: Kabul's teachers: a protest`, `title: 'Kabul''s teachers: a protest'`],
  ])("%s proposes single quotes", (line, fixed) => {
    site = makeSite({ "content/national/a.md": file(`${line}\ndate: 2026-10-14T09:30:00+04:30\n`) });
    const [d] = jsonDiagnostics(site.check("json"));
    const said = `${d?.message} ${d?.hint}`;
    expect(said).toContain(`\`${fixed}\``);
    expect(said).not.toContain('\\"');
    // The proposed line is itself valid YAML and means what the editor wrote.
    expect(parse(fixed)).toEqual({ title: line.slice("title: ".length) });
  });
});
