import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderOverlay } from "../../../src/dev/overlay.ts";
import { diagnose } from "../../../src/diagnostics/diagnostic.ts";
import { codeFrame } from "../../../src/diagnostics/reporter.ts";
import type { CliResult } from "../../support/cli.ts";
import { makeSite, type Site } from "../18-fixture.ts";

/**
 * Issue 18 item 4, in messages: terminal escapes (ESC, CSI, OSC, a lone CR,
 * BEL, backspace) and bidi controls in file names, YAML keys and values
 * were printed raw by the human reporter and `--format github`, so a pull
 * request could hide or overwrite error lines in a CI log. Every format
 * shows them as escapes (`\u001b`), and no content can start a line of its
 * own in the github format (`::stop-commands::`, `::add-mask::`).
 */
const ESC = "\u001b";
const HOSTILE_NAME = `ev${ESC}[2K${ESC}]0;pwned\u0007il\r\b\u009b31m\u202e\u2066dm.md`;
/** Raw hidden characters no report may hold (a line feed only where the format breaks its own lines). */
const HIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/u;

let site: Site;
let human: CliResult;
let github: CliResult;
let json: CliResult;

beforeAll(() => {
  site = makeSite({
    "site.yaml": "name: Ledger\nurl: https://test.example.org\n",
    [`content/national/${HOSTILE_NAME}`]: "---\ntitle: A headline\ndate: 2026-10-14T09:30:00+04:30\n---\nText.\n",
    "content/national/keys.md": [
      "---",
      "title: A headline",
      String.raw`date: "2026-13-01\e[31m\u202eT09:00\n::stop-commands::pwn\n::error file=x::fake"`,
      String.raw`"ti\e[8mtle\r": hidden`,
      `summary: raw${ESC}[2J${ESC}]8;;https://evil.example/${ESC}\\link\u202e text`,
      "tags: [a, b]",
      "---",
      "Text.",
      "",
    ].join("\n"),
  });
  human = site.check("human");
  github = site.check("github");
  json = site.check("json");
});
afterAll(() => site.remove());

describe("hidden characters in messages", () => {
  it("are shown as escapes by the human reporter, in file names, messages, hints and frames", () => {
    expect(human.status).toBe(1);
    const text = human.stderr;
    expect(text.match(HIDDEN)?.[0]).toBeUndefined();
    expect(text).toContain(String.raw`ev\u001b[2K\u001b]0;pwned\u0007il\u000d\u0008\u009b31m\u202e\u2066dm.md`);
    // The key and the date as the messages echo them.
    expect(text).toContain(String.raw`ti\u001b[8mtle\u000d`);
    expect(text).toContain(String.raw`\u202eT09:00\u000a::stop-commands::pwn`);
    // The frame shows the raw summary line with its escapes, the caret under the same character.
    const frame = text.split("\n").filter((line) => line.includes("| summary:"));
    expect(frame.length).toBeGreaterThan(0);
    expect(frame[0]).toContain(String.raw`summary: raw\u001b[2J\u001b]8;;https://evil.example/\u001b\link\u202e text`);
  });

  it("cannot start, hide or end a line of the github format", () => {
    expect(github.status).toBe(1);
    const lines = github.stderr.split("\n");
    expect(lines.at(-1)).toBe("");
    const body = lines.slice(0, -2);
    expect(body.length).toBeGreaterThan(3);
    for (const line of body) expect(line).toMatch(/^::(error|warning) file=[^,:\s]+,line=\d+,col=\d+,title=[^,:]+::\S/);
    expect(lines.at(-2)).toMatch(/^\d+ errors?, \d+ warnings? in \d+ files?$/);
    expect(github.stderr.match(HIDDEN)?.[0]).toBeUndefined();
    // A `::` command inside a value stays inside its annotation.
    expect(lines.filter((line) => line.includes("stop-commands"))).toHaveLength(1);
    expect(lines.find((line) => line.includes("stop-commands"))).toMatch(/^::error /);
  });

  it("are written as JSON escapes in the json format, the file kept as it is for tools", () => {
    expect(json.status).toBe(1);
    expect(json.stdout.match(HIDDEN)?.[0]).toBeUndefined();
    const report = JSON.parse(json.stdout) as { diagnostics: { file: string; message: string; hint: string }[] };
    const named = report.diagnostics.find((d) => d.file.endsWith(HOSTILE_NAME));
    expect(named).toBeDefined();
    for (const d of report.diagnostics) {
      expect(d.message.match(HIDDEN)?.[0]).toBeUndefined();
      expect(d.hint.match(HIDDEN)?.[0]).toBeUndefined();
    }
    expect(report.diagnostics.some((d) => d.message.includes(String.raw`ti\u001b[8mtle\u000d`))).toBe(true);
  });
});

describe("codeFrame", () => {
  it("keeps the caret under the character after escapes and tabs", () => {
    const frame = codeFrame("title: ok\n\ta\u001bb\u202e: x\nend", 2, 8).split("\n");
    const line = frame[1] ?? "";
    const caret = frame[2] ?? "";
    expect(line).toBe("  > 2 | \ta\\u001bb\\u202e: x");
    expect(caret.indexOf("^")).toBe(line.indexOf("x"));
    expect(caret).toContain("\t");
  });
});

describe("the preview's overlay", () => {
  it("shows the same escapes as the terminal", () => {
    const file = `content/national/${HOSTILE_NAME}`;
    const d = diagnose("field-unknown", file, { line: 2, column: 1 }, { field: "ti\u202etle\u001b[8m", suggestion: undefined });
    const html = renderOverlay([d], new Map([[file, "---\nti\u202etle\u001b[8m: x\n---\n"]])) ?? "";
    expect(html.match(HIDDEN)?.[0]).toBeUndefined();
    expect(html).toContain(String.raw`ti\u202etle\u001b[8m`);
  });
});
