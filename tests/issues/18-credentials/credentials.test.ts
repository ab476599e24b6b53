import { afterAll, describe, expect, it } from "vitest";
import { article, jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 18 item 7: `canonical_url: https://user:token@host/…` and a site
 * `url` with a user or password were published in page heads and JSON-LD.
 * Every address field refuses credentials and addresses without a host
 * (`https:///etc/passwd`, `http:/x`, `file:` URLs), with a positioned error
 * naming the field that does not repeat the secret; a body link with
 * credentials is published as its text only.
 */
const sites: Site[] = [];
afterAll(() => sites.forEach((s) => s.remove()));

const SECRET = "s3cr3t-t0ken";
const SITE_YAML = "name: Ledger\nurl: https://test.example.org\n";

function checkArticle(fields: string, siteYaml = SITE_YAML) {
  const site = makeSite({ "site.yaml": siteYaml, "content/national/story.md": article(fields) });
  sites.push(site);
  const result = site.check("json");
  return { result, diagnostics: jsonDiagnostics(result) };
}

const BAD_ADDRESSES: readonly (readonly [string, string])[] = [
  [`https://editor:${SECRET}@wire.example.com/story`, "credentials"],
  [`https://${SECRET}@wire.example.com/story`, "credentials"],
  [`http://:${SECRET}@wire.example.com/`, "credentials"],
  [`https://wire.example.com@evil.example.net/`, "credentials"],
  ["https:///etc/passwd", "host"],
  ["http:/wire.example.com/x", "host"],
  ["https:wire.example.com", "host"],
  ["https://", "host"],
  ["file:///etc/passwd", "scheme"],
  ["file://server/share/x", "scheme"],
  ["https:\\\\evil.example.net\\x", "host"],
];

describe("addresses with credentials or without a host", () => {
  for (const [address] of BAD_ADDRESSES) {
    it(`refuses canonical_url ${address}`, () => {
      const { result, diagnostics } = checkArticle(`canonical_url: ${JSON.stringify(address)}`);
      expect(result.status).toBe(1);
      const error = diagnostics.find((d) => d.severity === "error");
      expect(error).toMatchObject({ line: 4, column: 16 });
      expect(error?.message).toContain("`canonical_url`");
      expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
    });
  }

  it("refuses them in check_also links and the image at any depth, naming each field", () => {
    const { result, diagnostics } = checkArticle(
      [
        "check_also:",
        "  - title: Wire",
        `    url: https://user:${SECRET}@wire.example.com/a`,
        "  - title: Local",
        "    url: https:///etc/passwd",
        "image:",
        `  src: https://user:${SECRET}@cdn.example.com/photo.jpg`,
        '  alt: "A photo"',
      ].join("\n"),
    );
    expect(result.status).toBe(1);
    const errors = diagnostics.filter((d) => d.severity === "error").map((d) => [d.line, d.column, /`([^`]+)`/.exec(d.message)?.[1]]);
    expect(errors).toEqual([
      [6, 10, "check_also[0].url"],
      [8, 10, "check_also[1].url"],
      [10, 8, "image.src"],
    ]);
    expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
  });

  it("refuses them in site.yaml's url and logo", () => {
    for (const [siteYaml, line, column, field] of [
      [`name: Ledger\nurl: https://admin:${SECRET}@news.example.org/\n`, 2, 6, "url"],
      ["name: Ledger\nurl: https:///etc/passwd\n", 2, 6, "url"],
      ["name: Ledger\nurl: http:/news.example.org\n", 2, 6, "url"],
      ["name: Ledger\nurl: file:///srv/www\n", 2, 6, "url"],
      [`name: Ledger\nurl: https://news.example.org\nlogo: https://admin:${SECRET}@cdn.example.org/logo.svg\n`, 3, 7, "logo"],
      ["name: Ledger\nurl: https://news.example.org\nlogo: file:///etc/logo.svg\n", 3, 7, "logo"],
    ] as const) {
      const { result, diagnostics } = checkArticle("", siteYaml);
      expect(result.status, siteYaml).toBe(1);
      const error = diagnostics.find((d) => d.severity === "error");
      expect(error, siteYaml).toMatchObject({ line, column });
      expect(error?.file).toMatch(/site\.yaml$/);
      expect(error?.message).toContain(`\`${field}\``);
      expect(JSON.stringify(diagnostics)).not.toContain(SECRET);
    }
  });

  it("keeps ordinary addresses, and publishes a body link with credentials or without a host as text only", () => {
    const site = makeSite({
      "site.yaml": SITE_YAML,
      "content/national/story.md": article(
        "canonical_url: https://wire.example.com/story?id=1#top\ncheck_also:\n  - title: Wire\n    url: http://wire.example.com:8080/a",
        `See [the wire](https://user:${SECRET}@wire.example.com/a) and <https://editor:${SECRET}@wire.example.com/b> and ![x](https://u:${SECRET}@cdn.example.com/p.jpg) and [no host](https:///etc/passwd) and [half](http:/wire.example.com/x).`,
      ),
    });
    sites.push(site);
    const build = site.build();
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/body-unsafe-link/);
    expect(build.stderr).not.toContain(SECRET);
    const outputs = site.outputs();
    const page = outputs.get("national/story/index.html") ?? "";
    expect(page).toContain('<link rel="canonical" href="https://wire.example.com/story?id=1#top"/>');
    expect(page).toContain("the wire");
    expect(page).not.toMatch(/href="https?:\/[^/]/);
    expect(page).not.toContain("/etc/passwd");
    for (const [rel, text] of outputs) expect(text.includes(SECRET), rel).toBe(false);
  });
});
