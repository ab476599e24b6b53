import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/browser.ts";
import { ROOT, runCli } from "../../support/cli.ts";
import { filesUnder } from "../../support/picture-files.ts";
import { type StaticServer, serveStatic } from "../../support/static-server.ts";

/**
 * Issue 18 item 3: a picture is decided by its real format and its name
 * together, and what is published is always pixels we encoded. A drawing
 * (SVG) is rasterised, so nothing of its markup (scripts, handlers, foreign
 * content, external references) reaches a reader.
 */
const NOW = "2026-10-20T12:00:00+04:30";
let work: string;
/** Every request a hostile drawing manages to send lands here. */
let listener: Server;
let port: number;
const requests: string[] = [];

const article = (title: string, body: string): string => `---\ntitle: ${title}\ndate: 2026-10-14T09:30:00+04:30\n---\nThe text.\n\n${body}\n`;

function bundle(content: string, slug: string, files: Record<string, Buffer | string>, body: string): string {
  const dir = path.join(content, "national", slug);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  writeFileSync(path.join(dir, "index.md"), article(slug, body));
  return `${content}/national/${slug}/index.md`;
}

/** Drawings that try every way out of an `<img>` or a tab of their own: each would call home or retitle the page. */
function hostileDrawings(): Record<string, string> {
  const home = `http://127.0.0.1:${port}`;
  const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200">';
  const rect = '<rect width="400" height="200" fill="#2a6"/>';
  return {
    "script.svg": `${open}${rect}<script>document.title="pwned";fetch("${home}/script")</script></svg>`,
    "onload.svg": `${open.replace("<svg ", `<svg onload="document.title='pwned';fetch('${home}/onload')" `)}${rect}</svg>`,
    "foreign.svg": `${open}${rect}<foreignObject width="400" height="200"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="${home}/foreign"></iframe><script>fetch("${home}/foreign-script")</script></body></foreignObject></svg>`,
    "use.svg": `${open}${rect}<use href="${home}/use.svg#x"/></svg>`,
    "image.svg": `${open}${rect}<image href="${home}/image.png" width="10" height="10"/></svg>`,
    "javascript.svg": `${open}${rect}<a xlink:href="javascript:fetch('${home}/javascript')"><rect width="400" height="200"/></a></svg>`,
    "import.svg": `${open}<style>@import url(${home}/import.css); rect { fill: url(${home}/fill) }</style>${rect}</svg>`,
    "style.svg": `${open}<rect width="400" height="200" style="background:url(${home}/style);fill:#2a6"/></svg>`,
    "set.svg": `${open}<a><set attributeName="href" to="javascript:fetch('${home}/set')"/>${rect}</a><set attributeName="onmouseover" to="fetch('${home}/set2')"/></svg>`,
    "animate.svg": `${open}${rect}<animate attributeName="href" values="javascript:fetch('${home}/animate')" begin="0s" onbegin="fetch('${home}/onbegin')"/></svg>`,
  };
}
const PAYLOADS = [
  "<script",
  "onload",
  "foreignObject",
  "javascript:",
  "@import",
  "url(",
  "ENTITY",
  "attributeName",
  "onbegin",
  "pwned",
  "fetch(",
  "<svg",
  "127.0.0.1",
];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "newsroom-picture-types-"));
  listener = createServer((request, response) => {
    requests.push(request.url ?? "");
    response.end("");
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe("a picture's format and its name", () => {
  it("should refuse a file whose bytes and name disagree, at the picture's line and column", async () => {
    const content = path.join(work, "mismatch");
    const jpeg = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#333" } })
      .jpeg()
      .toBuffer();
    const index = bundle(
      content,
      "mismatch",
      {
        "page.html": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        "photo.png": jpeg,
        "drawing.jpg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
        noname: jpeg,
      },
      "A drawing: ![x](page.html)\n\n![y](photo.png)\n\nSee ![z](drawing.jpg) and ![w](noname).",
    );
    const out = path.join(work, "mismatch-out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${index}:7:12  error  image-type-mismatch  The file \`page.html\` holds an SVG drawing, but its name ends in \`.html\``);
    expect(result.stderr).toContain(`${index}:9:1  error  image-type-mismatch  The file \`photo.png\` holds a JPEG picture, but its name ends in \`.png\``);
    expect(result.stderr).toContain(`${index}:11:5  error  image-type-mismatch  The file \`drawing.jpg\` holds an SVG drawing, but its name ends in \`.jpg\``);
    expect(result.stderr).toContain(`${index}:11:27  error  image-type-mismatch  The file \`noname\` holds a JPEG picture, but its name has no extension`);
  });

  it("should re-encode a GIF that is also a script, publishing none of its bytes", async () => {
    const content = path.join(work, "polyglot");
    // 10,799 pixels wide: the width's two bytes read `/*` in JavaScript, and a script follows the image's end.
    const image = await sharp({ create: { width: 10799, height: 4, channels: 3, background: "#2a6" } })
      .gif()
      .toBuffer();
    expect(image.subarray(0, 8).toString("latin1")).toBe("GIF89a/*");
    const gif = Buffer.concat([image, Buffer.from("*/=1;document.title='pwned';fetch('/polyglot');", "latin1")]);
    bundle(content, "polyglot", { "anim.gif": gif }, "![A moving chart](anim.gif)");
    const out = path.join(work, "polyglot-out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.status, result.stderr).toBe(0);
    const published = filesUnder(path.join(out, "national", "polyglot")).filter((rel) => rel !== "index.html");
    expect(published.length).toBeGreaterThan(0);
    for (const rel of published) {
      expect(rel).toMatch(/^anim-[0-9a-f]{10}-\d+\.(avif|webp|png)$/);
      const bytes = readFileSync(path.join(out, "national", "polyglot", rel));
      expect([rel, bytes.includes("pwned"), bytes.includes("GIF89a")]).toEqual([rel, false, false]);
    }
  });
});

describe("a drawing with an external entity", () => {
  it("should be refused at its place, nothing of it published, the file it names never read", () => {
    const content = path.join(work, "xxe");
    const home = `http://127.0.0.1:${port}`;
    const index = bundle(
      content,
      "xxe",
      {
        "xxe.svg": `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "${home}/xxe">]><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><text y="20">&xxe;&net;</text></svg>`,
      },
      "![A chart](xxe.svg)",
    );
    const out = path.join(work, "xxe-out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.stderr).not.toContain("internal error");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${index}:7:1  error  image-unreadable  The picture \`xxe.svg\` cannot be published: it is a damaged SVG file`);
    expect(result.stderr).not.toContain("root:");
    expect(requests).toEqual([]);
  });
});

describe("hostile drawings", () => {
  let out: string;
  let names: string[];
  beforeAll(() => {
    const content = path.join(work, "hostile");
    const drawings = hostileDrawings();
    names = Object.keys(drawings);
    bundle(content, "drawings", drawings, names.map((name) => `![A chart](${name})`).join("\n\n"));
    out = path.join(work, "hostile-out");
    const result = runCli(["build", "--content", content, "--out", out, "--now", NOW]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("should publish each as pixels, none of its markup in any published file", () => {
    const dir = path.join(out, "national", "drawings");
    const published = filesUnder(dir).filter((rel) => rel !== "index.html");
    for (const name of names) {
      const stem = name.replace(/\.svg$/, "");
      const own = published.filter((rel) => rel.startsWith(`${stem}-`));
      expect([name, own.length]).toEqual([name, 12]);
      for (const rel of own) expect(rel).toMatch(/-[0-9a-f]{10}-\d+\.(avif|webp|png)$/);
    }
    // Every file but the site's own (public/, the search index's code, the list of files the build wrote), pages and feeds checked apart.
    const ours = (rel: string): boolean => existsSync(path.join(ROOT, "public", rel)) || rel.startsWith("pagefind/") || rel === ".newsroom-build";
    for (const rel of filesUnder(out).filter((rel) => !ours(rel))) {
      const bytes = readFileSync(path.join(out, rel));
      const found = rel.endsWith(".html") || rel.endsWith(".xml") || rel.endsWith(".json") ? [] : PAYLOADS.filter((p) => bytes.includes(p));
      expect([rel, found]).toEqual([rel, []]);
    }
    const html = readFileSync(path.join(dir, "index.html"), "utf8");
    for (const payload of ["<script>document", "onload=", "foreignObject", "javascript:", "127.0.0.1", "<svg xmlns"]) expect(html).not.toContain(payload);
  });

  it("should run no script and send no request when Chromium opens the page and every file published beside it", async () => {
    let server: StaticServer | undefined;
    const browser = await launchChromium();
    try {
      server = await serveStatic(out);
      const page = await browser.newPage();
      const dir = path.join(out, "national", "drawings");
      const addresses = ["/national/drawings/", ...filesUnder(dir).map((rel) => `/national/drawings/${rel}`)];
      for (const address of addresses) {
        await page.goto(`${server.url}${address}`, { waitUntil: "load" });
        await page.mouse.move(10, 10);
        await page.mouse.click(20, 20);
        expect([address, await page.title()]).not.toEqual([address, "pwned"]);
      }
      // Whatever would have run has run by now: a last page load after every other on the same connection.
      await page.goto(`${server.url}/national/drawings/`, { waitUntil: "networkidle" });
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
      await server?.close();
    }
  });
});
