import { type Document, isAlias, isCollection, isMap, isNode, isPair, isScalar, type Node, parseDocument } from "yaml";
import type { Position } from "../diagnostics/diagnostic.ts";
import { dropForbiddenCharacters, firstForbiddenCharacter } from "../text/text-safety.ts";
import { findAliasBomb } from "./alias-bomb.ts";
import { LineTable, openerOf, unclosedOpener } from "./yaml-positions.ts";

/**
 * YAML read safely and with positions. Only the `core` schema (YAML 1.2: no
 * timestamps, no custom tags that build objects), bounded alias expansion
 * against "billion laughs", duplicate keys refused.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * `yaml` recurses per level of nesting: thousands of `[` overflow the stack,
 * and tens of thousands exhaust memory. Front matter needs a few levels; refuse
 * more before parsing.
 */
export const MAX_DEPTH = 32;

export interface YamlError {
  readonly position: Position;
  readonly reason: string;
  /** Set for a tag outside the core schema: the field it sits on and the tag as written. */
  readonly tag?: { readonly path: readonly PropertyKey[]; readonly written: string } | undefined;
  /** Set for a tab in a line's indentation, which YAML forbids. */
  readonly tab?: true;
}

/** A value that held characters no output may carry (text-safety.ts): they were dropped. */
export interface DroppedCharacters {
  readonly position: Position;
  readonly path: readonly PropertyKey[];
  /** The characters, as `\uXXXX` escapes. */
  readonly dropped: readonly string[];
}

/**
 * The tags of the core schema, which only say what the value already is.
 * Every other (`!!js/function`, `!!python/object`, `!!binary`,
 * `!!timestamp`, `!!set`, `!local`) asks the reader to build something, and
 * `yaml` resolves some of them (bytes, dates, sets) and reads the others as text.
 */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((name) => `tag:yaml.org,2002:${name}`));

export interface ParsedYaml {
  /** The plain data, or undefined when the YAML has errors. */
  readonly value: unknown;
  readonly errors: readonly YamlError[];
  /** Values whose forbidden characters were dropped (none when there are errors). */
  readonly dropped: readonly DroppedCharacters[];
  /**
   * Where a value sits, by its path in the data (`["tags", 1]`), or its key
   * when `key` is set. Falls back to the nearest ancestor that exists.
   */
  positionOf(path: readonly PropertyKey[], key?: boolean): Position;
}

/**
 * @param lineOffset lines before the YAML text in its file (front matter starts on line 2).
 * @param options.fields the top-level keys the file may have, to say when a key is none of them.
 */
export function parseYaml(text: string, lineOffset = 0, options: { readonly fields?: readonly string[] } = {}): ParsedYaml {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    const position = { line: tooDeep.line + lineOffset, column: tooDeep.column };
    return {
      value: undefined,
      errors: [{ position, reason: `nested more than ${MAX_DEPTH} levels deep; front matter is read up to ${MAX_DEPTH} levels` }],
      dropped: [],
      positionOf: () => position,
    };
  }
  const lines = new LineTable(text);
  const doc = parseDocument(text, {
    schema: "core",
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    // A collection used as a key is refused as an unknown field later; no Node warning on stderr.
    logLevel: "error",
  });
  const at = (offset: number): Position => lines.at(offset, lineOffset);
  // What `yaml` says after a tab on the same line follows from the tab: one problem, said once.
  const tabLines = new Set(doc.errors.filter((e) => e.code === "TAB_AS_INDENT").map((e) => at(e.pos[0]).line));
  const errors: YamlError[] = doc.errors
    .filter((e) => e.code === "TAB_AS_INDENT" || !tabLines.has(at(e.pos[0]).line))
    .map((e) => {
      if (e.code === "TAB_AS_INDENT")
        return { position: at(tabAt(text, e.pos[0])), reason: "a tab is used to indent this line, and YAML allows only spaces there", tab: true };
      if (e.code === "BLOCK_AS_IMPLICIT_KEY") {
        const colon = colonInValue(text, e.pos[0]);
        if (colon !== undefined) return { position: at(e.pos[0]), reason: colon };
      }
      const reason = firstLine(e.message);
      // An unclosed bracket or quote is noticed lines later: point at where it opened.
      const opener = openerOf(reason);
      const opened = opener === undefined ? undefined : unclosedOpener(text, e.pos[0], opener);
      return opened === undefined
        ? { position: at(e.pos[0]), reason }
        : { position: at(opened), reason: `${reason} (the \`${opener}\` opened here is never closed)` };
    });
  const dropped: DroppedCharacters[] = [];
  if (errors.length === 0) {
    walkNodes(doc.contents, [], (node, path, isKey) => {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const tag = tagToken(text, node.range?.[0] ?? 0);
        const written = tag?.written ?? node.tag.replace(/^tag:yaml\.org,2002:/, "!!");
        errors.push({ position: at(tag?.offset ?? node.range?.[0] ?? 0), reason: `unsupported tag ${written}`, tag: { path, written } });
      }
      if (!isKey && isScalar(node) && typeof node.value === "string") {
        const clean = dropForbiddenCharacters(node.value);
        if (clean.dropped.length === 0) return;
        // Written as it is in the file, the character's own place; produced by an escape, the value's.
        const [start = 0, end = start] = node.range ?? [];
        const raw = firstForbiddenCharacter(text.slice(start, end));
        dropped.push({ position: at(raw < 0 ? start : start + raw), path, dropped: clean.dropped });
        node.value = clean.text;
      }
    });
  }
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Alias bombs and similar are refused by `yaml` itself at toJS time, without a place: find it.
      const bomb = findAliasBomb(doc, MAX_ALIAS_COUNT, options.fields);
      if (bomb !== undefined) errors.push({ position: at(bomb.offset), reason: bomb.reason });
      else errors.push({ position: at(0), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const start: Position = { line: lineOffset + 1, column: 1 };
  return {
    value,
    errors,
    dropped: errors.length === 0 ? dropped : [],
    positionOf(path, key = false) {
      const range = rangeOf(doc, path, key);
      return range === undefined ? start : at(range);
    },
  };
}

/**
 * The commonest slip in front matter, `title: Breaking: floods`, in words an
 * editor reads ("Nested mappings are not allowed in compact mappings" is
 * what `yaml` says), with the line as it should be written.
 */
function colonInValue(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
  const match = /^(\s*)([^\s:#][^:]*?):\s+(.*\S)\s*$/.exec(line);
  if (match === null) return undefined;
  const [, indent, key, value] = match;
  if (value === undefined || !value.includes(": ")) return undefined;
  return `the value of \`${key}\` contains \`: \`, which YAML reads as the start of another field; put the whole value in single quotes: \`${indent}${key}: ${singleQuoted(value)}\``;
}

/** A value in YAML's single quotes, where nothing is special but the quote itself, written twice: `'Kabul''s teachers'`. */
function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The tab in the indentation of the line at `offset` (`yaml` may point at the line's start or at the tab). */
function tabAt(text: string, offset: number): number {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? "";
  const tab = indent.indexOf("\t");
  return tab < 0 ? offset : start + tab;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
}

/** Every node under `node` (keys too, marked), with its path in the data; aliases are not followed. */
function walkNodes(node: unknown, path: readonly PropertyKey[], visit: (node: Node, path: readonly PropertyKey[], isKey: boolean) => void): void {
  if (!isNode(node) || isAlias(node)) return;
  visit(node, path, false);
  if (!isCollection(node)) return;
  node.items.forEach((item, index) => {
    if (isPair(item)) {
      const key: PropertyKey = isScalar(item.key) ? (typeof item.key.value === "number" ? item.key.value : String(item.key.value)) : index;
      // A collection used as a key is refused as an unknown field; its own tags still count.
      walkNodes(item.key, [...path, key], (n, p) => visit(n, p, true));
      walkNodes(item.value, [...path, key], visit);
    } else {
      walkNodes(item, [...path, index], visit);
    }
  });
}

/**
 * The tag written before the node starting at `start` (`!!js/function`,
 * `!<tag:…>`), skipping an anchor between them; undefined when a comment or
 * something else stands there.
 */
function tagToken(text: string, start: number): { written: string; offset: number } | undefined {
  let end = start;
  for (let tokens = 0; tokens < 2; tokens++) {
    while (end > 0 && /\s/.test(text[end - 1] ?? "")) end--;
    let begin = end;
    while (begin > 0 && !/\s/.test(text[begin - 1] ?? "")) begin--;
    const token = text.slice(begin, end);
    if (token.startsWith("!")) return { written: token, offset: begin };
    if (!token.startsWith("&")) return undefined;
    end = begin;
  }
  return undefined;
}

function rangeOf(doc: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best = isNode(node) ? node.range?.[0] : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (!isNode(node) || !("items" in node) || !Array.isArray(node.items)) break;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      if (key && i === path.length - 1 && isNode(pair.key)) return pair.key.range?.[0] ?? best;
      next = pair.value ?? pair.key;
    } else if (typeof segment === "number") {
      next = node.items[segment];
    }
    if (!isNode(next)) break;
    node = next;
    best = next.range?.[0] ?? best;
  }
  return best;
}

/**
 * Where the nesting first exceeds MAX_DEPTH, counting open flow brackets
 * (outside quotes and comments) plus block levels (indentation steps and
 * compact `- ` entries). A cheap single pass; undefined when shallow enough.
 */
function findExcessiveNesting(text: string): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber++;
    const content = line.replace(/^[ \t]*/, "");
    if (flow === 0 && content !== "" && !content.startsWith("#")) {
      const indent = line.length - content.length;
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop();
      indents.push(indent);
      const compact = /^(?:[-?] +)+/.exec(content)?.[0].replace(/ +/g, "").length ?? 0;
      if (indents.length + compact > MAX_DEPTH) return { line: lineNumber, column: indent + 1 };
    }
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote !== undefined) {
        if (ch === quote && (quote === "'" || line[i - 1] !== "\\")) quote = undefined;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === "#" && (i === 0 || line[i - 1] === " ")) {
        break;
      } else if (ch === "[" || ch === "{") {
        flow++;
        if (flow + indents.length > MAX_DEPTH) return { line: lineNumber, column: i + 1 };
      } else if ((ch === "]" || ch === "}") && flow > 0) {
        flow--;
      }
    }
  }
  return undefined;
}
