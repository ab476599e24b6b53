import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cli, type Run } from "../18-output-folder/support.ts";

export const NOW = "2026-11-24T12:00:00Z";

/** A throw-away newsroom: `files` (relative path → text or bytes) under content/, and site.yaml. */
export function makeSite(prefix: string, siteYaml: string, files: Record<string, string | Buffer>): { root: string; content: string; site: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), `newsroom-${prefix}-`));
  const content = path.join(root, "content");
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
    writeFileSync(path.join(content, rel), text);
  }
  mkdirSync(content, { recursive: true });
  const site = path.join(root, "site.yaml");
  writeFileSync(site, siteYaml);
  return { root, content, site, out: path.join(root, "out") };
}

export function build(site: { root: string; content: string; site: string; out: string }, env: NodeJS.ProcessEnv = {}): Run {
  return cli(["build", "--content", site.content, "--site", site.site, "--out", site.out, "--now", NOW], { NEWSROOM_CACHE: path.join(site.root, "cache"), ...env });
}

export function article(fields: Record<string, unknown>, body = "Body text of the article."): string {
  const yaml = Object.entries({ title: "A story", date: "2026-01-01T10:00:00Z", ...fields })
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** Every file and folder under `dir`, relative, POSIX. */
export function treeOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const sub = rel === "" ? entry.name : `${rel}/${entry.name}`;
      found.push(sub);
      if (entry.isDirectory()) walk(sub);
    }
  };
  walk("");
  return found.sort();
}

/** Site-relative links (`href`, `src`, `srcset`) of the HTML pages under `out` that name no file there. */
export function brokenLinks(out: string): string[] {
  const files = new Set(treeOf(out));
  const broken: string[] = [];
  for (const page of [...files].filter((f) => f.endsWith(".html"))) {
    const html = readFileSync(path.join(out, page), "utf8");
    const base = `/${page.replace(/[^/]*$/, "")}`;
    const urls = [...html.matchAll(/\s(?:href|src)="([^"#?]*)/g)].map((m) => m[1] ?? "");
    for (const srcset of html.matchAll(/\ssrcset="([^"]*)"/g)) urls.push(...(srcset[1] ?? "").split(",").map((c) => c.trim().split(/\s+/)[0] ?? ""));
    for (const url of urls) {
      if (url === "" || /^[a-z]+:/i.test(url) || url.startsWith("//")) continue;
      const decoded = decodeURIComponent(url.replaceAll("&amp;", "&"));
      const absolute = path.posix.resolve(base, decoded).slice(1);
      const target = decoded.endsWith("/") ? `${absolute === "" ? "" : `${absolute}/`}index.html` : absolute;
      if (!files.has(target)) broken.push(`${page}: ${url}`);
    }
  }
  return [...new Set(broken)].sort();
}
