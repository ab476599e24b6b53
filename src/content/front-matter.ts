import matter from "gray-matter";
import { FRONT_MATTER_FIELDS } from "./schema.ts";
import { type ParsedYaml, parseYaml } from "./yaml.ts";

/**
 * Split an article into front matter and body with gray-matter, YAML only.
 *
 * gray-matter evaluates `---js` / `---javascript` front matter with `eval` by
 * default, and its engine lookup falls through from one alias to the other.
 * So the opening fence's language is checked here first, and every code
 * engine is replaced by one that refuses, in case that check is ever bypassed.
 */
const refuse = {
  parse(): never {
    throw new Error("front matter that is code is never run");
  },
};
const ENGINES = {
  // The YAML itself is parsed by `parseYaml` with positions; gray-matter only splits.
  yaml: { parse: (): object => ({}) },
  js: refuse,
  javascript: refuse,
  coffee: refuse,
  coffeescript: refuse,
  cson: refuse,
};

export type SplitResult =
  | {
      readonly kind: "ok";
      readonly yaml: ParsedYaml;
      readonly body: string;
      /** Lines of the file before the body's first line. */
      readonly bodyLineOffset: number;
    }
  | { readonly kind: "missing" }
  | { readonly kind: "unclosed" }
  | { readonly kind: "language"; readonly language: string };

const OPENING = /^---([^\r\n]*)\r?\n/;
const CLOSING = /\r?\n---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): SplitResult {
  // Windows line endings would leave a `\r` at the end of the last YAML value.
  const text = source.replace(/\r\n?/g, "\n");
  const opening = OPENING.exec(text);
  if (!opening) return { kind: "missing" };
  const language = (opening[1] ?? "").trim();
  if (language !== "" && language.toLowerCase() !== "yaml") return { kind: "language", language };
  // The closing fence may follow the opening one directly (empty front matter).
  if (!CLOSING.test(text.slice(opening[0].length - 1))) return { kind: "unclosed" };

  const file = matter(text, { language: "yaml", engines: ENGINES });
  const prefix = text.slice(0, text.length - file.content.length);
  // gray-matter's `matter` starts with the rest of the opening line, so its
  // line 1 is the file's line 1: the YAML needs no line offset.
  const yaml = parseYaml(file.matter, 0, { fields: FRONT_MATTER_FIELDS });
  return { kind: "ok", yaml, body: file.content, bodyLineOffset: countNewlines(prefix) };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
