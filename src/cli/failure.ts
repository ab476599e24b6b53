import { visibleText } from "../diagnostics/visible-text.ts";
import { ToolFailure } from "../io/tool-failure.ts";

/**
 * The CLI's exit codes. A script or CI job can tell apart what to fix (1:
 * the content; 2: the command), what to report (3: a bug, in the templates
 * or in our code) and what to retry or hand to whoever runs the machine (4).
 */
export const EXIT = {
  ok: 0,
  /** The content has errors: every one is reported, nothing is published. */
  contentErrors: 1,
  /** The command was wrong: a flag, a value, a folder it must not use, a port in use. */
  usage: 2,
  /** A bug: a template, the renderer or our own code threw. */
  internal: 3,
  /** The system or a tool we call failed: disk full, permission denied, the search indexer. */
  system: 4,
} as const;

/** A failure of the system or of a tool, said in words with no stack: exit 4. The error behind it is its `cause`. */
export class PlainError extends Error {
  override readonly name = "PlainError";
}

/** What the file system's error codes mean to someone building a site. */
const SYSTEM: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open on this machine",
};

/**
 * The words for a failure of a tool we call or of the file system while the
 * site is written; undefined for anything else (a bug of ours, reported with
 * its stack).
 */
export function failureMessage(error: unknown): string | undefined {
  if (error instanceof ToolFailure) return error.message;
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  const meaning = code === undefined ? undefined : SYSTEM[code];
  if (meaning !== undefined) return `${meaning} (${code})${path === undefined ? "" : ` at \`${path}\``}${syscall === undefined ? "" : ` (${syscall})`}.`;
  // Our own wrapped errors carry the system's below them.
  return error.cause === undefined ? undefined : failureMessage(error.cause);
}

/**
 * An unexpected failure as printed: its message, then every error of its
 * `cause` chain with its stack (the first error's own stack says only where
 * it was wrapped). Any name from content in it is shown with escapes.
 */
export function internalError(error: unknown): string {
  const lines = [`internal error: ${error instanceof Error ? error.message : String(error)}`];
  const seen = new Set<unknown>([error]);
  let cause = error instanceof Error ? error.cause : undefined;
  // The top error's stack is shown when it has no cause to show instead.
  if (cause === undefined && error instanceof Error && error.stack !== undefined) lines.push(stackFrames(error.stack));
  while (cause !== undefined && !seen.has(cause)) {
    seen.add(cause);
    lines.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return `${visibleText(lines.filter((line) => line !== "").join("\n"), true)}\n`;
}

/** The `at …` lines of a stack, without the message line that starts it. */
function stackFrames(stack: string): string {
  const at = stack.search(/\n\s+at /);
  return at < 0 ? "" : stack.slice(at + 1);
}
