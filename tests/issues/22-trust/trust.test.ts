import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import FeedParser from "feedparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../support/cli.ts";
import { article, jsonDiagnostics, makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 22, "Metadata that earns trust": the publisher as a
 * NewsMediaOrganization with its policy pages, corrections as
 * CorrectionComment, feeds that name a WebSub hub, the hub told after a
 * deploy, and feed item ids that survive edits.
 */
const run = promisify(execFile);

/** The hub: records each publish ping's form. */
let hub: Server;
let hubUrl: string;
const pings: URLSearchParams[] = [];
let site: Site;

const SITE_YAML = (hubAt: string) =>
  [
    "name: The Test Ledger",
    "url: https://ledger.example.org/",
    "publisher:",
    "  corrections_policy: /about/corrections/",
    "  ethics_policy: https://ledger.example.org/about/ethics/",
    "  masthead: /about/staff/",
    "  fact_checking_policy: /about/verification/",
    "  ownership_funding: /about/ownership/",
    "  diversity_policy: /about/diversity/",
    "  same_as: [https://x.com/testledger]",
    "feeds:",
    `  hub: ${hubAt}`,
    "",
  ].join("\n");

const FLOODS = (title: string, extra = "") =>
  article(`corrections:\n  - date: 2026-10-15T10:00:00+04:30\n    text: The number of families was 300, not 3,000.${extra}`).replace("A plain headline", title);

beforeAll(async () => {
  hub = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      pings.push(new URLSearchParams(body));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
  site = makeSite({
    "site.yaml": SITE_YAML(hubUrl),
    "content/national/floods.md": FLOODS("Floods displace families"),
    "content/national/prices.md": article("").replace("A plain headline", "Flour prices climb"),
  });
  const built = site.build(["--site", path.join(site.dir, "site.yaml")]);
  expect(built.stderr).toBe("");
  expect(built.status).toBe(0);
}, 120_000);
afterAll(async () => {
  site?.remove();
  await new Promise((resolve) => hub?.close(resolve));
});

/** Every JSON-LD object of a page. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? "{}"));
}

function parseFeed(xml: string): Promise<{ meta: FeedParser.Meta; items: FeedParser.Item[] }> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ normalize: true, addmeta: false });
    const items: FeedParser.Item[] = [];
    let meta: FeedParser.Meta | undefined;
    parser.on("error", reject);
    parser.on("meta", (m: FeedParser.Meta) => {
      meta = m;
    });
    parser.on("readable", () => {
      for (let item = parser.read(); item !== null; item = parser.read()) items.push(item);
    });
    parser.on("end", () => resolve({ meta: meta as FeedParser.Meta, items }));
    Readable.from([xml]).pipe(parser);
  });
}

describe("the publisher in structured data", () => {
  it("is a NewsMediaOrganization with every policy page, absolute, on articles and the front page", () => {
    const pages = ["national/floods/index.html", "index.html"];
    for (const page of pages) {
      const data = jsonLd(site.outputs().get(page) ?? "");
      const publisher = data.map((d) => d.publisher as Record<string, unknown> | undefined).find((p) => p !== undefined);
      expect(publisher, page).toMatchObject({
        "@type": "NewsMediaOrganization",
        name: "The Test Ledger",
        url: "https://ledger.example.org/",
        correctionsPolicy: "https://ledger.example.org/about/corrections/",
        ethicsPolicy: "https://ledger.example.org/about/ethics/",
        masthead: "https://ledger.example.org/about/staff/",
        verificationFactCheckingPolicy: "https://ledger.example.org/about/verification/",
        ownershipFundingInfo: "https://ledger.example.org/about/ownership/",
        diversityPolicy: "https://ledger.example.org/about/diversity/",
        sameAs: ["https://x.com/testledger"],
      });
    }
  });

  it("names the outlet as an Organization with its page, as the source of the story", () => {
    const [floods] = jsonLd(site.outputs().get("national/floods/index.html") ?? "").filter((d) => d["@type"] === "NewsArticle");
    expect(floods?.sourceOrganization).toEqual({ "@type": "Organization", name: "The Test Ledger", url: "https://ledger.example.org/outlets/the-test-ledger/" });
  });

  it("gives each correction as a CorrectionComment with its date, and none to an uncorrected article", () => {
    const [floods] = jsonLd(site.outputs().get("national/floods/index.html") ?? "").filter((d) => d["@type"] === "NewsArticle");
    expect(floods?.correction).toEqual([
      { "@type": "CorrectionComment", text: "The number of families was 300, not 3,000.", datePublished: "2026-10-15T10:00:00+04:30" },
    ]);
    const [prices] = jsonLd(site.outputs().get("national/prices/index.html") ?? "").filter((d) => d["@type"] === "NewsArticle");
    expect(prices).toBeDefined();
    expect(prices).not.toHaveProperty("correction");
  });

  it("refuses a policy that is no address, at its line, and suggests the name of a misspelt one", () => {
    const bad = makeSite({
      "site.yaml": "publisher:\n  ethics_policy: our ethics page\n  ethic_policy: /about/ethics/\n",
      "content/national/a.md": article(""),
    });
    try {
      const result = bad.check("json");
      expect(result.status).toBe(1);
      const found = jsonDiagnostics(result).map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule} ${d.message} ${d.hint}`);
      expect(
        found.some((f) => /^site\.yaml:2:\d+ field-invalid /.test(f) && f.includes("ethics_policy")),
        found.join("\n"),
      ).toBe(true);
      expect(
        found.some((f) => /^site\.yaml:3:\d+ /.test(f) && f.includes("ethics_policy") && /did you mean/i.test(f)),
        found.join("\n"),
      ).toBe(true);
    } finally {
      bad.remove();
    }
  });
});

describe("WebSub", () => {
  it("names the hub and the feed itself in Atom, RSS and JSON Feed, and a feed parser still reads them", async () => {
    const out = site.outputs();
    const atom = out.get("feed.xml") ?? "";
    expect(atom).toContain(`<link rel="hub" href="${hubUrl}"/>`);
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="https://ledger.example.org/feed.xml"/>');
    const rss = out.get("national/rss.xml") ?? "";
    expect(rss).toContain(`<atom:link rel="hub" href="${hubUrl}"/>`);
    const json = JSON.parse(out.get("feed.json") ?? "{}") as { hubs?: unknown };
    expect(json.hubs).toEqual([{ type: "WebSub", url: hubUrl }]);
    for (const xml of [atom, rss]) {
      const feed = await parseFeed(xml);
      expect(feed.items.map((i) => i.title).sort()).toEqual(["Floods displace families", "Flour prices climb"]);
    }
  });

  it("tells the hub of every feed after a deploy, once each", async () => {
    pings.length = 0;
    const { stdout } = await run(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), "notify-hub", "--out", site.out], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    const feeds = [...site.outputs().keys()].filter((f) => /(^|\/)(feed\.xml|rss\.xml|feed\.json)$/.test(f));
    expect(feeds.length).toBeGreaterThan(6);
    expect(pings.every((p) => p.get("hub.mode") === "publish")).toBe(true);
    expect(pings.map((p) => p.get("hub.url")).sort()).toEqual(feeds.map((f) => `https://ledger.example.org/${f}`).sort());
    expect(stdout).toContain(`Told ${hubUrl} that ${feeds.length} feeds changed.`);
  });

  it("says so in words when the hub refuses, with exit 4", async () => {
    const refusing = createServer((_request, response) => response.writeHead(503, "Service Unavailable").end());
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    const other = makeSite({
      "site.yaml": `feeds:\n  hub: http://127.0.0.1:${(refusing.address() as AddressInfo).port}/\n`,
      "content/national/a.md": article(""),
    });
    try {
      expect(other.build(["--site", path.join(other.dir, "site.yaml")]).status).toBe(0);
      const failed = await run(process.execPath, [path.join(ROOT, "src/cli/launch.mjs"), "notify-hub", "--out", other.out]).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(4);
      expect(failed?.stderr).toMatch(/answered 503 Service Unavailable .*The site is deployed/);
    } finally {
      other.remove();
      await new Promise((resolve) => refusing.close(resolve));
    }
  });
});

describe("feed items", () => {
  it("keep their ids when an article's headline, body and corrections are edited", async () => {
    const ids = async () => (await parseFeed(site.outputs().get("feed.xml") ?? "")).items.map((i) => i.guid).sort();
    const before = await ids();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      path.join(site.content, "national", "floods.md"),
      FLOODS(
        "Floods displace 300 families",
        "\n  - date: 2026-10-16T10:00:00+04:30\n    text: The river is the Kunduz.\nupdated: 2026-10-16T10:00:00+04:30",
      ).replace("Body text of the article.", "A new first paragraph."),
    );
    expect(site.build(["--site", path.join(site.dir, "site.yaml")]).status).toBe(0);
    expect(site.outputs().get("feed.xml")).toContain("Floods displace 300 families");
    expect(await ids()).toEqual(before);
    expect(before).toHaveLength(2);
  });
});
