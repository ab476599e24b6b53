import { catalogue } from "./catalogue.ts";
import { cutLine, displayWidth } from "./cut-line.ts";
import { compareDiagnostics, type Diagnostic } from "./diagnostic.ts";
import { escapeJsonHidden, visibleText } from "./visible-text.ts";

/** Source texts by file, for code frames. A file missing here gets no frame. */
export type Sources = ReadonlyMap<string, string>;

const FRAME_CONTEXT = 1;

/** The lines of a source, found once: a report frames many problems of one file. */
export class SourceLines {
  private readonly starts: number[] = [0];
  constructor(private readonly source: string) {
    for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  /** Line `n` (from 1) without its line break; "" past the end. */
  line(n: number): string {
    const start = this.starts[n - 1];
    if (start === undefined) return "";
    const next = this.starts[n];
    const text = this.source.slice(start, next === undefined ? this.source.length : next - 1);
    return text.endsWith("\r") ? text.slice(0, -1) : text;
  }
}

/**
 * A compiler-style code frame: the offending line with one line of context
 * either side, and a caret under the column. Long lines are cut around the
 * column (cut-line.ts); hidden characters are shown as escapes
 * (visible-text.ts), the caret under the same character still.
 */
export function codeFrame(source: string | SourceLines, line: number, column: number): string {
  const lines = typeof source === "string" ? new SourceLines(source) : source;
  const first = Math.max(1, line - FRAME_CONTEXT);
  const last = Math.min(lines.count, line + FRAME_CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    const raw = lines.line(n);
    const cut = cutLine(raw, column);
    out.push(`  ${marker} ${String(n).padStart(width)} | ${visibleText(cut.text)}`.trimEnd());
    if (n === line) {
      // Tabs kept, so the caret stands under the character however wide the terminal sets a tab.
      const pad = [...visibleText(cut.before)].map((ch) => (ch === "\t" ? "\t" : " ".repeat(displayWidth(ch)))).join("");
      out.push(`    ${" ".repeat(width)} | ${pad}${" ".repeat(Math.max(0, column - 1 - raw.length))}^`);
    }
  }
  return out.join("\n");
}

/** The code frame of a diagnostic, when its file's text is known; each file's lines are found once. */
export function framer(sources: Sources): (d: Diagnostic) => string | undefined {
  const lines = new Map<string, SourceLines>();
  return (d) => {
    const source = sources.get(d.file);
    if (source === undefined) return undefined;
    let found = lines.get(d.file);
    if (found === undefined) lines.set(d.file, (found = new SourceLines(source)));
    return codeFrame(found, d.position.line, d.position.column);
  };
}

/** Problems of one rule in one file shown in the human and GitHub reports; the rest are counted. JSON lists all. */
export const SHOWN_PER_RULE = 20;

export type Shown = { readonly diagnostic: Diagnostic; readonly more: number };

/**
 * The diagnostics in report order, each file's problems of one rule cut to
 * the first `SHOWN_PER_RULE`: the last one shown carries how many more
 * there are (a body with 5,000 removed tags reports them all, but a human
 * reads 20 and a count).
 */
export function capped(diagnostics: readonly Diagnostic[]): Shown[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const counts = new Map<string, number>();
  for (const d of sorted) counts.set(`${d.file}\0${d.rule}`, (counts.get(`${d.file}\0${d.rule}`) ?? 0) + 1);
  const seen = new Map<string, number>();
  const shown: Shown[] = [];
  for (const d of sorted) {
    const key = `${d.file}\0${d.rule}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > SHOWN_PER_RULE) continue;
    const total = counts.get(key) ?? n;
    shown.push({ diagnostic: d, more: n === SHOWN_PER_RULE ? total - n : 0 });
  }
  return shown;
}

const count = (n: number): string => n.toLocaleString("en-US");

export function moreLine(d: Diagnostic, more: number): string {
  return `${d.file}: and ${count(more)} more like this (\`${d.rule}\`), not shown; \`--format json\` lists every one`;
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
  const frameOf = framer(sources);
  const blocks = capped(diagnostics).map(({ diagnostic: d, more }) => {
    const head = `${visibleText(d.file)}:${d.position.line}:${d.position.column}  ${d.severity}  ${d.rule}  ${visibleText(d.message)}`;
    const frame = frameOf(d);
    const framed = frame === undefined ? "" : `\n${frame}`;
    return `${head}\n  hint: ${visibleText(d.hint)}${framed}${more > 0 ? `\n\n${visibleText(moreLine(d, more))}` : ""}`;
  });
  return `${[...blocks, summaryLine(diagnostics)].join("\n\n")}\n`;
}

/**
 * Machine-readable: every diagnostic (none left out, no frames) with its
 * rule's title, and the counts. The file is the path as it is, for tools to
 * open; messages and hints show hidden characters as escapes, for tools
 * that print them; and no hidden character is left raw in the JSON text.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === "error").length;
  return `${escapeJsonHidden(
    JSON.stringify(
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
    ),
  )}\n`;
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
  const lines = capped(diagnostics).map(({ diagnostic: d, more }) => {
    const props = [
      `file=${escapeProperty(visibleText(d.file))}`,
      `line=${d.position.line}`,
      `col=${d.position.column}`,
      `title=${escapeProperty(`${d.rule}: ${catalogue[d.rule].title}`)}`,
    ].join(",");
    const annotation = `::${d.severity} ${props}::${escapeData(`${visibleText(d.message)}\n${visibleText(d.hint)}`)}`;
    return more > 0 ? `${annotation}\n::${d.severity} file=${escapeProperty(visibleText(d.file))}::${escapeData(visibleText(moreLine(d, more)))}` : annotation;
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
