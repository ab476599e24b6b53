import { catalogue } from "./catalogue.ts";
import { type Diagnostic, compareDiagnostics } from "./diagnostic.ts";
import { escapeJsonHidden, visibleText } from "./visible-text.ts";

/** Source texts by file, for code frames. A file missing here gets no frame. */
export type Sources = ReadonlyMap<string, string>;

const FRAME_CONTEXT = 1;

/**
 * A compiler-style code frame: the offending line with one line of context
 * either side, and a caret under the column. Lines are shown with their
 * hidden characters as escapes (visible-text.ts), the caret under the same
 * character still.
 */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - FRAME_CONTEXT);
  const last = Math.min(lines.length, line + FRAME_CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    const text = lines[n - 1] ?? "";
    out.push(`  ${marker} ${String(n).padStart(width)} | ${visibleText(text)}`.trimEnd());
    if (n === line) {
      const before = visibleText(text.slice(0, Math.max(0, column - 1)));
      // Tabs kept, so the caret stands under the character however wide the terminal sets a tab.
      out.push(`    ${" ".repeat(width)} | ${before.replace(/[^\t]/g, " ")}${" ".repeat(Math.max(0, column - 1 - text.length))}^`);
    }
  }
  return out.join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summaryLine(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}

/** The human report: every diagnostic with hint and frame, then the summary. */
export function formatHuman(diagnostics: readonly Diagnostic[], sources: Sources): string {
  const blocks = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const head = `${visibleText(d.file)}:${d.position.line}:${d.position.column}  ${d.severity}  ${d.rule}  ${visibleText(d.message)}`;
    const source = sources.get(d.file);
    const frame = source === undefined ? "" : `\n${codeFrame(source, d.position.line, d.position.column)}`;
    return `${head}\n  hint: ${visibleText(d.hint)}${frame}`;
  });
  return `${[...blocks, summaryLine(diagnostics)].join("\n\n")}\n`;
}

/**
 * Machine-readable: every diagnostic with its rule's title, and the counts.
 * The file is the path as it is, for tools to open; messages and hints show
 * hidden characters as escapes, for tools that print them; and no hidden
 * character is left raw in the JSON text, for people who read it.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === "error").length;
  return `${escapeJsonHidden(JSON.stringify(
    {
      diagnostics: sorted.map((d) => ({
        file: d.file,
        line: d.position.line,
        column: d.position.column,
        severity: d.severity,
        rule: d.rule,
        title: catalogue[d.rule].title,
        message: visibleText(d.message),
        hint: visibleText(d.hint),
      })),
      summary: { errors, warnings: sorted.length - errors, files: new Set(sorted.map((d) => d.file)).size },
    },
    null,
    2,
  ))}\n`;
}

/**
 * GitHub Actions workflow commands: data escapes `%`, CR, LF; properties also
 * `:` and `,`. Content reaches them through `visibleText` first, so no line
 * break of any kind (CR, LF, NEL, U+2028) and no terminal control is left
 * to end an annotation early or start a line of its own: a `::stop-commands::`
 * or `::add-mask::` in a value stays inside its annotation, where the runner
 * reads no command.
 */
const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One annotation per diagnostic, shown on the pull request's lines; then the summary. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const lines = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const props = [
      `file=${escapeProperty(visibleText(d.file))}`,
      `line=${d.position.line}`,
      `col=${d.position.column}`,
      `title=${escapeProperty(`${d.rule}: ${catalogue[d.rule].title}`)}`,
    ].join(",");
    return `::${d.severity} ${props}::${escapeData(`${visibleText(d.message)}\n${visibleText(d.hint)}`)}`;
  });
  return `${[...lines, summaryLine(diagnostics)].join("\n")}\n`;
}

export const FORMATS = ["human", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export function formatDiagnostics(format: Format, diagnostics: readonly Diagnostic[], sources: Sources): string {
  switch (format) {
    case "human":
      return formatHuman(diagnostics, sources);
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
  }
}
