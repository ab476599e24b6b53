import { type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Node, visit } from "yaml";

/**
 * Where an alias bomb ("billion laughs") goes off, in words an editor can act
 * on. `yaml` refuses the expansion with "Excessive alias count" and no place;
 * this finds the innermost value that still explodes on its own (the field
 * that uses the bomb, `tags`), the alias it repeats and the key its anchor
 * is set under (often a key that is no field at all). Each probe converts one
 * value with the same alias limit, so it stops as early as the refusal did.
 */
export interface AliasBomb {
  /** Offset of the key (or the value) that uses the bomb. */
  readonly offset: number;
  readonly reason: string;
}

type Segment = string | number;

function explodes(node: Node, doc: Document, maxAliasCount: number): boolean {
  try {
    node.toJS(doc, { maxAliasCount });
    return false;
  } catch {
    return true;
  }
}

/** The children of a collection with their path segment and the offset to point at (a pair's key). */
function children(node: Node): { segment: Segment; value: Node; offset: number | undefined }[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      if (!isPair(pair) || !isScalar(pair.key) || (!isCollection(pair.value) && !isAlias(pair.value) && !isScalar(pair.value))) return [];
      const value = pair.value as Node;
      return [{ segment: String(pair.key.value), value, offset: pair.key.range?.[0] }];
    });
  }
  if (isSeq(node))
    return node.items.flatMap((item, i) => (isCollection(item) || isAlias(item) ? [{ segment: i, value: item as Node, offset: item.range?.[0] }] : []));
  return [];
}

export function pathText(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Where the anchor named `name` is set: the path of the first node that carries it. */
function anchorPath(root: Node, name: string): Segment[] | undefined {
  const stack: [Node, Segment[]][] = [[root, []]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if ((isCollection(node) || isScalar(node)) && node.anchor === name) return path;
    const below = children(node);
    for (let i = below.length - 1; i >= 0; i--) stack.push([below[i]!.value, [...path, below[i]!.segment]]);
  }
  return undefined;
}

/** The first alias inside `node` (or `node` itself). */
function firstAlias(node: Node): string | undefined {
  if (isAlias(node)) return node.source;
  let source: string | undefined;
  visit(node, {
    Alias(_, alias) {
      source = alias.source;
      return visit.BREAK;
    },
  });
  return source;
}

/**
 * @param fields the keys the file may have at its top level; a key outside them is said to be no field.
 */
export function findAliasBomb(doc: Document, maxAliasCount: number, fields: readonly string[] | undefined): AliasBomb | undefined {
  const root = doc.contents as Node | null;
  if (root === null || !explodes(root, doc, maxAliasCount)) return undefined;
  let node: Node = root;
  const path: Segment[] = [];
  let offset = node.range?.[0] ?? 0;
  const unknown = (key: Segment | undefined): boolean => fields !== undefined && typeof key === "string" && !fields.includes(key);
  for (;;) {
    // Anchors come before their aliases, so the value that uses a bomb is the last one that explodes;
    // at the top, a field the file may have before any key that is none (`tags` before `lols`).
    const exploding: ReturnType<typeof children> = children(node).filter((child) => explodes(child.value, doc, maxAliasCount));
    const next = (path.length === 0 ? exploding.findLast((child) => !unknown(child.segment)) : undefined) ?? exploding.at(-1);
    if (next === undefined) break;
    path.push(next.segment);
    node = next.value;
    offset = next.offset ?? node.range?.[0] ?? offset;
    if (isAlias(node)) break;
  }
  const where = path.length === 0 ? "the document" : path.length === 1 ? `\`${pathText(path)}\`` : `\`${String(path[0])}\` (at \`${pathText(path)}\`)`;
  const alias = firstAlias(node);
  const anchor = alias === undefined ? undefined : anchorPath(root, alias);
  let source = "";
  if (alias !== undefined && anchor !== undefined && anchor.length > 0) {
    const top = anchor[0];
    const note = unknown(top) ? `, which is not a field` : "";
    source = `; it repeats \`*${alias}\`, the anchor set under \`${pathText(anchor)}\`${note}`;
  } else if (alias !== undefined) {
    source = `; it repeats \`*${alias}\``;
  }
  const field = unknown(path[0]) ? ` (\`${String(path[0])}\` is not a field)` : "";
  return {
    offset,
    reason: `${where}${field} expands YAML aliases into more than ${maxAliasCount} copies, the way an alias bomb ("billion laughs") does, so it is not read${source}`,
  };
}
