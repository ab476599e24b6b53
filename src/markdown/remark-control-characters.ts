import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { codePointEscape, dropForbiddenCharacters, firstForbiddenCharacter, hasForbiddenCharacter } from "../text/text-safety.ts";
import { type BodyIssue, reportIssueAt } from "./issues.ts";

/** Fields of a node that are its structure, not its text. */
const STRUCTURE = new Set(["type", "position", "data", "children"]);

/**
 * Drops the characters no output may carry (text-safety.ts) from every text
 * of the tree: text, code, link and picture addresses and titles, alt texts,
 * footnote labels. Those written as they are were dropped before parsing
 * (`dropWrittenCharacters`); these come from a character reference
 * (`&#12;`, `&#13;`: micromark turns the other controls into U+FFFD
 * itself). Each node is reported once, at the first such character
 * when the node's text is its source, else at the node.
 */
export default function remarkControlCharacters() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    // Only a numeric character reference decodes to one once those written are gone: most bodies have none.
    if (!source.includes("&#")) return;
    visit(tree, (node: Node) => {
      const record = node as unknown as Record<string, unknown>;
      const dropped = new Set<string>();
      let at: { line: number; column: number } | undefined;
      for (const [key, value] of Object.entries(record)) {
        if (STRUCTURE.has(key) || typeof value !== "string") continue;
        const clean = dropForbiddenCharacters(value);
        if (clean.dropped.length === 0) continue;
        at ??= placeOf(node, source);
        clean.dropped.forEach((c) => dropped.add(c));
        record[key] = clean.text;
      }
      if (at !== undefined) {
        const where = node.type === "text" ? "The text" : `The ${node.type === "inlineCode" || node.type === "code" ? "code" : node.type}`;
        reportIssueAt(file, at, { rule: "control-character", args: { where, characters: [...dropped] } });
      }
    });
  };
}

/** Where the first forbidden character of `node` is written, or where the node starts. */
function placeOf(node: Node, source: string): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  const end = node.position?.end;
  if (start.offset === undefined || end?.offset === undefined) return { line: start.line, column: start.column };
  const written = source.slice(start.offset, end.offset);
  const index = firstForbiddenCharacter(written);
  if (index < 0) return { line: start.line, column: start.column };
  const before = written.slice(0, index);
  const newline = before.lastIndexOf("\n");
  const lines = before.split("\n").length - 1;
  return { line: start.line + lines, column: newline < 0 ? start.column + index : index - newline };
}

/** Forbidden characters as written in the Markdown (but a carriage return, a line ending there). */
const WRITTEN = /(?!\r)[\0-\x08\x0B-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}\p{Cs}]/gu;

/**
 * The body's Markdown without the forbidden characters written in it, and
 * one issue per line that held any, at the first. Done before parsing:
 * micromark would turn a NUL into U+FFFD unseen, and a control in a link's
 * address makes it no link at all.
 */
export function dropWrittenCharacters(markdown: string): { readonly markdown: string; readonly issues: readonly BodyIssue[] } {
  if (!hasForbiddenCharacter(markdown)) return { markdown, issues: [] };
  const issues: BodyIssue[] = [];
  let line = 1;
  let lineStart = 0;
  let reported = 0;
  let pending: { column: number; characters: Set<string> } | undefined;
  const flush = (): void => {
    if (pending !== undefined)
      issues.push({ rule: "control-character", line: reported, column: pending.column, args: { where: "The text", characters: [...pending.characters] } });
    pending = undefined;
  };
  for (let i = markdown.indexOf("\n"), from = 0; ; i = markdown.indexOf("\n", i + 1)) {
    const end = i < 0 ? markdown.length : i;
    for (const match of markdown.slice(from, end).matchAll(WRITTEN)) {
      if (pending === undefined) {
        reported = line;
        pending = { column: from - lineStart + (match.index ?? 0) + 1, characters: new Set() };
      }
      pending.characters.add(codePointEscape(match[0]));
    }
    flush();
    if (i < 0) break;
    line++;
    from = lineStart = i + 1;
  }
  return { markdown: markdown.replace(WRITTEN, ""), issues };
}
