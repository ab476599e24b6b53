import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type CliResult, runCli } from "../support/cli.ts";

/**
 * A throw-away site for issue 18's hostile-content tests: files written
 * under a temporary folder (`content/...` and `site.yaml`), built or checked
 * by the real CLI, and every output file read back.
 */
export interface Site {
  readonly dir: string;
  readonly content: string;
  readonly out: string;
  build(extra?: readonly string[]): CliResult;
  check(format?: "human" | "json" | "github"): CliResult;
  /** Every file of the output, relative path to text. */
  outputs(): Map<string, string>;
  remove(): void;
}

export const NOW = "2026-11-24T12:00:00+04:30";

export function makeSite(files: Readonly<Record<string, string>>): Site {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-18-"));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, ...rel.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const content = path.join(dir, "content");
  const out = path.join(dir, "out");
  return {
    dir,
    content,
    out,
    build: (extra = []) => runCli(["build", "--content", content, "--out", out, "--now", NOW, ...extra]),
    check: (format = "human") => runCli(["check", "--content", content, "--format", format]),
    outputs() {
      const found = new Map<string, string>();
      for (const rel of readdirSync(out, { recursive: true, encoding: "utf8" })) {
        const file = path.join(out, rel);
        try {
          found.set(rel, readFileSync(file, "utf8"));
        } catch {
          // a folder
        }
      }
      return found;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A minimal valid article with `fields` (YAML lines) added to its front matter. */
export function article(fields: string, body = "Body text of the article."): string {
  return `---\ntitle: A plain headline\ndate: 2026-10-14T09:30:00+04:30\n${fields}${fields === "" || fields.endsWith("\n") ? "" : "\n"}---\n${body}\n`;
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: string;
  readonly rule: string;
  readonly message: string;
  readonly hint: string;
}

export function jsonDiagnostics(result: CliResult): JsonDiagnostic[] {
  return (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}
