import type { Severity } from "./catalogue.ts";
import { catalogue, type RuleArgs, type RuleId } from "./catalogue.ts";

export type { Severity };

/** A 1-based line and column in a source file, as editors count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * One positioned problem, in the spirit of vfile-message: where it is,
 * which permanent rule it breaks, what happened and what to do.
 */
export interface Diagnostic {
  /** Path of the offending file, as given to the build (not resolved). */
  readonly file: string;
  readonly position: Position;
  readonly severity: Severity;
  readonly rule: RuleId;
  readonly message: string;
  readonly hint: string;
}

export const START: Position = { line: 1, column: 1 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order for reports: by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.position.line - b.position.line ||
    a.position.column - b.position.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Build a diagnostic from the catalogue, so wording lives in one place. */
export function diagnose<R extends RuleId>(rule: R, file: string, position: Position, args: RuleArgs<R>): Diagnostic {
  // The catalogue's entries are each typed for their own args; indexing by a
  // generic key widens them, so call through a narrow signature.
  const entry = catalogue[rule] as unknown as {
    severity: Severity;
    message: (a: RuleArgs<R>) => string;
    hint: (a: RuleArgs<R>) => string;
  };
  return {
    file,
    position,
    severity: entry.severity,
    rule,
    message: entry.message(args),
    hint: entry.hint(args),
  };
}
