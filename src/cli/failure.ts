import { ToolFailure } from "../build/tool-failure.ts";

/** A failure said in words, with no stack: exit code 2. The error behind it is its `cause`. */
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
