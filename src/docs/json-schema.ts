import { z } from "zod";
import { frontMatterSchema } from "../content/schema.ts";
import { siteConfigSchema } from "../content/site-config.ts";

/**
 * JSON Schemas generated from the zod schemas, for editors' tools to
 * autocomplete and underline mistakes. Input shapes (what editors write),
 * not the parsed types. Committed; a test fails when they are stale.
 */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, title: string, id: string): string =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), $id: id, title }, null, 2)}\n`;
  return {
    "article.schema.json": render(frontMatterSchema("UTC"), "News article front matter", "article.schema.json"),
    "site.schema.json": render(siteConfigSchema, "News site config (site.yaml)", "site.schema.json"),
  };
}
