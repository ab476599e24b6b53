import type { Node } from "unist";
import type { VFile } from "vfile";

/**
 * Problems a transform finds in a body, positioned in the body's own lines.
 * The loader adds the front matter's lines and turns them into diagnostics.
 */
export type BodyIssue =
  | { readonly rule: "body-raw-html"; readonly line: number; readonly column: number; readonly args: { snippet: string } }
  | { readonly rule: "body-unsafe-link"; readonly line: number; readonly column: number; readonly args: { url: string } }
  | { readonly rule: "embed-host"; readonly line: number; readonly column: number; readonly args: { host: string } }
  | { readonly rule: "body-too-large"; readonly line: number; readonly column: number; readonly args: { length: number; limit: number } }
  | { readonly rule: "body-too-deep"; readonly line: number; readonly column: number; readonly args: { limit: number } }
  | { readonly rule: "image-missing"; readonly line: number; readonly column: number; readonly args: { src: string } }
  | { readonly rule: "image-unreadable"; readonly line: number; readonly column: number; readonly args: { src: string; reason: string } }
  | { readonly rule: "control-character"; readonly line: number; readonly column: number; readonly args: { where: string; characters: readonly string[] } }
  | { readonly rule: "image-alt-missing"; readonly line: number; readonly column: number; readonly args: { src: string } }
  | { readonly rule: "live-heading-not-time"; readonly line: number; readonly column: number; readonly args: { heading: string } }
  | { readonly rule: "live-update-order"; readonly line: number; readonly column: number; readonly args: { time: string; below: string } }
  | { readonly rule: "live-no-updates"; readonly line: number; readonly column: number; readonly args: Record<string, never> };

declare module "vfile" {
  interface DataMap {
    issues: BodyIssue[];
  }
}

type Without<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** Record an issue at `node`'s start (transforms keep mdast positions, so it points at the Markdown). */
export function reportIssue(file: VFile, node: Node, issue: Without<BodyIssue, "line" | "column">): void {
  const start = node.position?.start;
  reportIssueAt(file, { line: start?.line ?? 1, column: start?.column ?? 1 }, issue);
}

/** Record an issue at a line and column of the body. */
export function reportIssueAt(file: VFile, at: { line: number; column: number }, issue: Without<BodyIssue, "line" | "column">): void {
  const list = file.data.issues ?? [];
  list.push({ ...issue, line: at.line, column: at.column } as BodyIssue);
  file.data.issues = list;
}
