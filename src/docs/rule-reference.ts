import { catalogue, type RuleId } from "../diagnostics/catalogue.ts";
import { diagnose, START } from "../diagnostics/diagnostic.ts";
import { markdownTable } from "./markdown-table.ts";
import { RULE_EXAMPLES } from "./rule-examples.ts";

/**
 * The README's table of every rule, generated from the catalogue: the same
 * message and hint an editor sees, for an example case, in catalogue order.
 */
export function ruleReference(): string {
  const ids = Object.keys(catalogue) as RuleId[];
  const rows = ids.map((id) => {
    // Through `diagnose`, exactly as the build words it.
    const example = diagnose(id, "example.md", START, RULE_EXAMPLES[id] as never);
    return [`\`${id}\``, example.severity, catalogue[id].title, example.message, example.hint];
  });
  return markdownTable(["rule", "severity", "what it means", "for example", "what to do"], rows);
}
