import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { fieldLabel } from "./validate.ts";
import type { ParsedYaml } from "./yaml.ts";

/** The label of a field for messages; the whole front matter or file when the path is empty. */
function field(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(the whole document)" : fieldLabel(path);
}

/** What went wrong reading YAML (syntax, tags outside the core schema), as diagnostics of `file`. */
export function yamlErrorDiagnostics(yaml: ParsedYaml, file: string): Diagnostic[] {
  return yaml.errors.map((e) =>
    e.tab === true
      ? diagnose("yaml-tab", file, e.position, {})
      : e.tag === undefined
        ? diagnose("yaml-syntax", file, e.position, { reason: e.reason })
        : diagnose("yaml-tag", file, e.position, { field: field(e.tag.path), tag: e.tag.written }),
  );
}

/** Warnings for the characters dropped from values (text-safety.ts). */
export function droppedCharacterDiagnostics(yaml: ParsedYaml, file: string): Diagnostic[] {
  return yaml.dropped.map((d) => diagnose("control-character", file, d.position, { where: `\`${field(d.path)}\``, characters: d.dropped }));
}
