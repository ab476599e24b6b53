import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument, type Document } from "yaml";
import type { Position } from "../diagnostics/diagnostic.ts";

/**
 * YAML read safely and with positions. Only the `core` schema (YAML 1.2: no
 * timestamps, no custom tags that build objects), bounded alias expansion
 * against "billion laughs", duplicate keys refused.
 */
const MAX_ALIAS_COUNT = 100;

export interface YamlError {
  readonly position: Position;
  readonly reason: string;
}

export interface ParsedYaml {
  /** The plain data, or undefined when the YAML has errors. */
  readonly value: unknown;
  readonly errors: readonly YamlError[];
  /**
   * Where a value sits, by its path in the data (`["tags", 1]`), or its key
   * when `key` is set. Falls back to the nearest ancestor that exists.
   */
  positionOf(path: readonly PropertyKey[], key?: boolean): Position;
}

/**
 * @param lineOffset lines before the YAML text in its file (front matter starts on line 2).
 */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: "core",
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors: YamlError[] = doc.errors.map((e) => ({ position: at(e.pos[0]), reason: firstLine(e.message) }));
  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Alias bombs and similar are refused by `yaml` itself at toJS time.
      errors.push({ position: at(0), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const start: Position = { line: lineOffset + 1, column: 1 };
  return {
    value,
    errors,
    positionOf(path, key = false) {
      const range = rangeOf(doc, path, key);
      return range === undefined ? start : at(range);
    },
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? message;
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
