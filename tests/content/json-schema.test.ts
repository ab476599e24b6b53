import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { splitFrontMatter } from "../../src/content/front-matter.ts";
import { jsonSchemas } from "../../src/docs/json-schema.ts";
import { ROOT } from "../support/cli.ts";

const committed = (name: string): string => readFileSync(path.join(ROOT, "schema", name), "utf8");

describe("JSON Schemas for editors' tools", () => {
  const generated = jsonSchemas();

  it("should be committed as generated (run `npm run schema` after changing a zod schema)", () => {
    for (const [name, text] of Object.entries(generated)) expect(committed(name), name).toBe(text);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validateArticle = ajv.compile(JSON.parse(generated["article.schema.json"] ?? "{}"));
  const validateSite = ajv.compile(JSON.parse(generated["site.schema.json"] ?? "{}"));

  it("should accept every sample article's front matter and the sample site.yaml", () => {
    const dir = path.join(ROOT, "content");
    for (const section of readdirSync(dir)) {
      for (const name of readdirSync(path.join(dir, section)).filter((f) => f.endsWith(".md"))) {
        const split = splitFrontMatter(readFileSync(path.join(dir, section, name), "utf8"));
        if (split.kind !== "ok") throw new Error(name);
        expect(validateArticle(split.yaml.value), `${name}: ${ajv.errorsText(validateArticle.errors)}`).toBe(true);
      }
    }
    expect(validateSite(parse(readFileSync(path.join(ROOT, "site.yaml"), "utf8"))), ajv.errorsText(validateSite.errors)).toBe(true);
  });

  it("should underline the mistakes the build reports", () => {
    const base = { title: "T", date: "2026-10-14T09:30:00+04:30" };
    expect(validateArticle(base)).toBe(true);
    expect(validateArticle({ ...base, outlt: "AT News" })).toBe(false);
    expect(validateArticle({ ...base, tags: "floods" })).toBe(false);
    expect(validateArticle({ title: "T" })).toBe(false);
    expect(validateArticle({ ...base, date: "yesterday" })).toBe(false);
    expect(validateArticle({ ...base, check_also: [{ title: "x" }] })).toBe(false);
  });
});
