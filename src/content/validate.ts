import type { z } from "zod";
import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { parseDate } from "./dates.ts";
import { FRONT_MATTER_FIELDS, type FrontMatter, frontMatterSchema, type IssueParams, NESTED_FIELDS } from "./schema.ts";
import { timelyProblems } from "./timely-checks.ts";
import type { ParsedYaml } from "./yaml.ts";

export interface Validated {
  /** Undefined when the front matter has errors. */
  readonly data: FrontMatter | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

type Path = readonly PropertyKey[];

/** `check_also[0].url`: the way an editor would point at a field. */
export function fieldLabel(path: Path): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`)).join("");
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: "text",
  array: "a list",
  object: "a set of fields (`key: value` lines)",
  boolean: "`true` or `false`",
  number: "a number",
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `\`${value}\``;
    default:
      return "a set of fields";
  }
}

/** Which fields an article's object at `path` may have, for "did you mean". */
function frontMatterFieldsAt(path: Path): readonly string[] {
  const parent = path.find((segment) => typeof segment === "string");
  return path.length === 0 ? FRONT_MATTER_FIELDS : (NESTED_FIELDS[String(parent)] ?? []);
}

function isIssueParams(value: unknown): value is IssueParams {
  return typeof value === "object" && value !== null && "rule" in value && "problem" in value;
}

/**
 * Validate parsed YAML against the schema and turn every zod issue into a
 * positioned diagnostic pointing at the offending key or value.
 */
export function validateFrontMatter(yaml: ParsedYaml, file: string, zone: string): Validated {
  const raw = yaml.value ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { data: undefined, diagnostics: [diagnose("yaml-not-mapping", file, yaml.positionOf([]), {})] };
  }
  const diagnostics: Diagnostic[] = [];
  const result = frontMatterSchema(zone).safeParse(raw);
  if (!result.success) {
    diagnostics.push(...diagnoseIssues(result.error.issues, { raw, yaml, file, fieldsAt: frontMatterFieldsAt }));
  }

  const record = raw as Record<string, unknown>;
  if (record.author !== undefined && record.authors !== undefined) {
    diagnostics.push(diagnose("field-conflict", file, yaml.positionOf(["authors"], true), { fields: "`author` and `authors`" }));
  }
  for (const field of ["date", "updated", "live_until", "breaking_until", "expires", "pin_until"] as const) {
    const value = record[field];
    if (typeof value !== "string") continue;
    const parsed = parseDate(value, zone);
    if (parsed.ok && !parsed.hadOffset) {
      diagnostics.push(diagnose("date-no-offset", file, yaml.positionOf([field]), { field, zone }));
    }
  }
  if (result.success) diagnostics.push(...timelyProblems(result.data, yaml, file));
  const failed = diagnostics.some((d) => d.severity === "error");
  return { data: failed || !result.success ? undefined : result.data, diagnostics };
}

export interface IssueContext {
  /** The data as parsed from YAML, to describe what the editor wrote. */
  readonly raw: unknown;
  readonly yaml: ParsedYaml;
  readonly file: string;
  readonly fieldsAt: (path: Path) => readonly string[];
  /** Where the fields are documented, for the hint on an unknown one: an article's front matter unless said. */
  readonly reference?: "site config";
}

/** Every zod issue as a diagnostic at the key or value it concerns. */
export function diagnoseIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): Diagnostic[] {
  return issues.flatMap((issue) => fromIssue(issue, [], context));
}

function fromIssue(issue: z.core.$ZodIssue, prefix: Path, context: IssueContext): Diagnostic[] {
  const { raw, yaml, file, fieldsAt, reference } = context;
  const path: Path = [...prefix, ...issue.path];
  const field = fieldLabel(path);
  const value = valueAt(raw, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        diagnose("field-unknown", file, yaml.positionOf([...path, key], true), {
          field: fieldLabel([...path, key]),
          suggestion: didYouMean(key, fieldsAt(path)),
          ...(reference === undefined ? {} : { reference }),
        }),
      );
    case "invalid_type":
      if (value === undefined) {
        // Nothing to point at: the opening fence for a top-level field, else the parent's key.
        const at = path.length <= 1 ? START : yaml.positionOf(path.slice(0, -1), true);
        return [diagnose("field-required", file, at, { field })];
      }
      return [
        diagnose("field-type", file, yaml.positionOf(path), {
          field,
          expected: EXPECTED[issue.expected] ?? issue.expected,
          received: describe(value),
        }),
      ];
    case "invalid_union": {
      // check_also items: a slug (text) or a `{ title, url }` link. Report the
      // branch that matches the shape the editor wrote.
      const branch = issue.errors[typeof value === "object" && value !== null && !Array.isArray(value) ? 1 : 0];
      if (typeof value === "object" && value !== null && !Array.isArray(value) && branch) {
        return branch.flatMap((inner) => fromIssue(inner, path, context));
      }
      return [
        diagnose("field-type", file, yaml.positionOf(path), {
          field,
          expected: "an article's slug or a `{ title, url }` link",
          received: describe(value),
        }),
      ];
    }
    case "invalid_value": {
      // A choice among words (`front: lead`): name them all, and the one meant.
      const words = issue.values.map(String);
      const guess = typeof value === "string" ? didYouMean(value, words) : undefined;
      const listed = words.map((w) => `\`${w}\``);
      const choices = listed.length > 1 ? `${listed.slice(0, -1).join(", ")} or ${listed.at(-1)}` : (listed[0] ?? "");
      const problem = `must be ${choices}, not ${describe(value)}${guess === undefined ? "" : ` (did you mean \`${guess}\`?)`}`;
      return [diagnose("field-invalid", file, yaml.positionOf(path), { field, problem })];
    }
    case "too_small":
      return [
        diagnose("field-invalid", file, yaml.positionOf(path), {
          field,
          problem: issue.origin === "array" ? "must not be an empty list" : "must not be empty",
        }),
      ];
    default: {
      const params = "params" in issue ? issue.params : undefined;
      if (isIssueParams(params)) {
        if (params.rule === "date-invalid") {
          return [diagnose("date-invalid", file, yaml.positionOf(path), { field, value: String(value), problem: params.problem })];
        }
        return [diagnose("field-invalid", file, yaml.positionOf(path), { field, problem: params.problem })];
      }
      return [diagnose("field-invalid", file, yaml.positionOf(path), { field, problem: `is not valid: ${issue.message}` })];
    }
  }
}
