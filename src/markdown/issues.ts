import type { Node } from "unist";
import type { VFile } from "vfile";

/**
 * Problems a transform finds in a body, positioned in the body's own lines.
 * The loader adds the front matter's lines and turns them into diagnostics.
 */
export type BodyIssue =
  | { readonly rule: "body-raw-html"; readonly line: number; readonly column: number; readonly args: { snippet: string } }
  | { readonly rule: "body-unsafe-link"; readonly line: number; readonly column: number; readonly args: { url: string } }
  | { readonly rule: "embed-host"; readonly line: number; readonly column: number; readonly args: { host: string } };

declare module "vfile" {
  interface DataMap {
    issues: BodyIssue[];
  }
}

type Without<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

/** Record an issue at `node`'s start (transforms keep mdast positions, so it points at the Markdown). */
export function reportIssue(file: VFile, node: Node, issue: Without<BodyIssue, "line" | "column">): void {
  const start = node.position?.start;
  const list = file.data.issues ?? [];
  list.push({ ...issue, line: start?.line ?? 1, column: start?.column ?? 1 } as BodyIssue);
  file.data.issues = list;
}
