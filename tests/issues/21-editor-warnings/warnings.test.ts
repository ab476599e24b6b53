import { afterEach, describe, expect, it } from "vitest";
import { article, jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/** Issue 21: a misspelt author and a section folder site.yaml does not list are warnings saying what to do. */
const SITE = "sections:\n  - National\nauthors:\n  - name: Farida Noori\n  - name: Habib Karimi\n";
let site: Site | undefined;
afterEach(() => site?.remove());

describe("authors", () => {
  it("a name close to a listed author is a warning with a did-you-mean, at the value", () => {
    site = makeSite({
      "site.yaml": SITE,
      "content/national/a.md": article("author: Farida Nori"),
      "content/national/b.md": article("authors:\n  - Habib Karimi\n  - Habib Karimy"),
      "content/national/c.md": article("author: A Guest Writer"),
    });
    const found = jsonDiagnostics(site.check("json")).filter((d) => d.rule === "author-unknown");
    expect(found).toHaveLength(2);
    const a = found.find((d) => d.file.endsWith("a.md"));
    expect(a).toMatchObject({ severity: "warning", line: 4, column: 9 });
    expect(a?.message).toContain("Farida Nori");
    expect(a?.message).toContain("Did you mean `Farida Noori`?");
    const b = found.find((d) => d.file.endsWith("b.md"));
    expect(b).toMatchObject({ line: 6, column: 5 });
    expect(b?.message).toContain("Habib Karimi");
    expect(site.build().status).toBe(0);
  });
});

describe("section folders", () => {
  it("a folder site.yaml does not list is a warning naming the folder, the file and what to do", () => {
    site = makeSite({ "site.yaml": SITE, "content/opinion/view.md": article(""), "content/national/fine.md": article("") });
    const found = jsonDiagnostics(site.check("json")).filter((d) => d.file.endsWith("view.md"));
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d?.severity).toBe("warning");
    expect(d?.rule).toBe("section-folder-unlisted");
    expect(d?.message).toContain("`opinion`");
    expect(d?.message).toContain("view.md");
    expect(d?.hint).toMatch(/site\.yaml/);
    expect(d?.hint).toMatch(/move/i);
  });

  it("says nothing when site.yaml lists no sections", () => {
    site = makeSite({ "site.yaml": "name: A site\n", "content/opinion/view.md": article("") });
    expect(jsonDiagnostics(site.check("json"))).toEqual([]);
  });
});
