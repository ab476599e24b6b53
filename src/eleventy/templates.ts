/**
 * The site's JSX templates (`*.11ty.tsx`), imported for our writer. They
 * are Eleventy JavaScript templates in form (`data`, `render`), and
 * tests/eleventy/write-pages.test.ts proves Eleventy renders them to the
 * same bytes; here they are imported through tsx, each generation of the
 * folder under its own tsx namespace: tsx's public way to a fresh module
 * graph, so that after `forgetTemplates` a template and every component or
 * module it imports is read again from disk.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type NamespacedUnregister, register } from "tsx/esm/api";
import { outputPath } from "../site/pages.ts";

/** Our tsconfig, wherever the command is run from (this file and the CLI bundle's chunks both sit two folders down). */
const OURS = fileURLToPath(new URL("../../tsconfig.json", import.meta.url));

/** The templates' JSX settings: the tsconfig of the project the folder is in (beside it), else ours. */
function tsconfigFor(dir: string): string {
  const beside = path.join(path.dirname(dir), "tsconfig.json");
  return existsSync(beside) ? beside : OURS;
}

/** A template's `data` and `render`, as a designer writes them for Eleventy. */
export interface Template {
  /** As the designer knows it: `templates/article.11ty.tsx`. */
  readonly name: string;
  render(data: Record<string, unknown>): unknown;
}

/**
 * A template that makes one page per item of a list in the data (articles,
 * list pages, feeds), in Eleventy's form: `data.pagination` names the list
 * and the item's alias, `data.permalink` gives each page's URL.
 */
export interface PaginatedTemplate extends Template {
  /** `data.pagination` of a template paginating by one item a page. */
  readonly pagination: { readonly data: string; readonly alias: string };
  permalink(data: Record<string, unknown>): unknown;
}

/** A template of one page (front page, 404, search) at a fixed permalink. */
export interface OneOffTemplate extends Template {
  readonly url: string;
  /** Where it writes, relative to the output folder. */
  readonly at: string;
}

export interface Templates {
  readonly paginated: readonly PaginatedTemplate[];
  readonly oneOff: readonly OneOffTemplate[];
}

interface TemplateModule {
  data?: { pagination?: { data?: unknown; size?: unknown; alias?: unknown }; permalink?: unknown };
  render?: unknown;
}

/** The current generation of each folder's templates: its tsx namespace, and the templates imported under it. */
const generations = new Map<string, { readonly tsx: NamespacedUnregister; readonly templates: Promise<Templates> }>();

/** The `*.11ty.tsx` templates of `templatesDir`, imported once per generation. */
export function loadTemplates(templatesDir: string): Promise<Templates> {
  const dir = path.resolve(templatesDir);
  let generation = generations.get(dir);
  if (generation === undefined) {
    const tsx = register({ namespace: randomUUID(), tsconfig: tsconfigFor(dir) });
    const made = { tsx, templates: importTemplates(dir, tsx) };
    generations.set(dir, made);
    // A folder that failed to load is tried again next time, not remembered broken.
    made.templates.catch(() => (generations.get(dir) === made ? forgetTemplates(dir) : undefined));
    generation = made;
  }
  return generation.templates;
}

/**
 * Make the next `loadTemplates` import the folder afresh (a template, a
 * component or a module they import changed): a new namespace, whose
 * modules Node has not seen.
 */
export async function forgetTemplates(templatesDir: string): Promise<void> {
  const dir = path.resolve(templatesDir);
  const generation = generations.get(dir);
  if (generation === undefined) return;
  generations.delete(dir);
  await generation.tsx.unregister();
}

async function importTemplates(dir: string, tsx: NamespacedUnregister): Promise<Templates> {
  const folder = path.basename(dir);
  const names = (await readdir(dir)).filter((name) => name.endsWith(".11ty.tsx")).sort();
  const paginated: PaginatedTemplate[] = [];
  const oneOff: OneOffTemplate[] = [];
  for (const file of names) {
    const name = `${folder}/${file}`;
    const template = (await tsx.import(pathToFileURL(path.join(dir, file)).href, import.meta.url)) as TemplateModule;
    const { data, render } = template;
    if (typeof render !== "function") throw new Error(`${name}: a template needs a \`render\` function.`);
    const pagination = data?.pagination;
    if (pagination === undefined) {
      if (typeof data?.permalink !== "string") throw new Error(`${name}: a one-off template needs a \`permalink\` string in its \`data\`.`);
      oneOff.push({ name, url: data.permalink, at: outputPath(data.permalink), render: render as Template["render"] });
      continue;
    }
    // What our writer does is Eleventy's pagination for these forms only; any other is a template to fix, not a page to guess.
    if (pagination.size !== 1 || typeof pagination.data !== "string" || typeof pagination.alias !== "string" || typeof data?.permalink !== "function") {
      throw new Error(`${name}: a paginated template needs \`pagination: { data, size: 1, alias }\` and a \`permalink\` function.`);
    }
    paginated.push({
      name,
      pagination: { data: pagination.data, alias: pagination.alias },
      permalink: data.permalink as PaginatedTemplate["permalink"],
      render: render as Template["render"],
    });
  }
  return { paginated, oneOff };
}
