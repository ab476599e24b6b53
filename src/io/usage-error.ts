import { type Stats, statSync } from "node:fs";

/** A mistake in how the command was called: exit code 2, with the message. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** False when the message alone says what to do: a refusal, not a mistyped command. */
  readonly showUsage: boolean;

  constructor(message: string, options: { readonly showUsage?: boolean; readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.showUsage = options.showUsage ?? true;
  }
}

/** What is at `p`; undefined when nothing is, also when a part of the path is a file (ENOTDIR). */
export function statOf(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}
