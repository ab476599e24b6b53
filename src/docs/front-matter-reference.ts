import { jsonSchemas } from "./json-schema.ts";
import { markdownTable } from "./markdown-table.ts";

/**
 * The README's front-matter reference, generated from the article's JSON
 * Schema (itself generated from the zod schema the build validates with), so
 * the fields, their forms and their descriptions are the ones the build checks.
 */
interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly pattern?: string;
  readonly examples?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

/** How a value is written, in an editor's words: `text`, `list of text`, `{ src, alt, caption? }`. */
export function valueForm(schema: JsonSchema): string {
  if (schema.anyOf !== undefined) return schema.anyOf.map(valueForm).join(", or ");
  if (schema.enum !== undefined) return schema.enum.map((word) => `\`${String(word)}\``).join(" or ");
  switch (schema.type) {
    case "string":
      return schema.pattern !== undefined && schema.examples?.[0] !== undefined ? `date-time, e.g. \`${String(schema.examples[0])}\`` : "text";
    case "boolean":
      return "`true` or `false`";
    case "array":
      return `list of ${schema.items === undefined ? "values" : valueForm(schema.items)}`;
    case "object": {
      const required = new Set(schema.required ?? []);
      const fields = Object.keys(schema.properties ?? {}).map((name) => (required.has(name) ? name : `${name}?`));
      return `\`{ ${fields.join(", ")} }\``;
    }
    default:
      return schema.type ?? "any value";
  }
}

export function frontMatterReference(): string {
  const schema = JSON.parse(jsonSchemas()["article.schema.json"] ?? "{}") as JsonSchema;
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, field]) => [
    `\`${name}\``,
    required.has(name) ? "required" : "optional",
    valueForm(field),
    field.description ?? "",
  ]);
  return `${markdownTable(["field", "needed", "form", "meaning"], rows)}\n\nIn \`{ … }\`, a field marked \`?\` may be left out.`;
}
