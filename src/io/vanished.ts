import path from "node:path";

/**
 * Files that were there when the build listed the content folder and were
 * gone when it came to read them (moved, deleted, their folder renamed: an
 * editor at work during a build or a preview). The system says ENOENT, or
 * ENOTDIR when a folder on the way became a file.
 */
const GONE = new Set(["ENOENT", "ENOTDIR"]);

/** Whether `error` says a file is not (or no longer) where it was. */
export function isGone(error: unknown): boolean {
  return error instanceof Error && GONE.has((error as NodeJS.ErrnoException).code ?? "");
}

/**
 * The content file whose disappearance `error` (or an error it wraps)
 * reports: the absolute path, when it is inside one of `roots`. A file
 * missing outside them (a template, the output) is not the content's doing.
 */
export function vanishedFile(error: unknown, roots: readonly string[]): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const at = (e as NodeJS.ErrnoException).path;
    if (!isGone(e) || typeof at !== "string") continue;
    const absolute = path.resolve(at);
    if (roots.some((root) => absolute === path.resolve(root) || !path.relative(path.resolve(root), absolute).startsWith(".."))) return absolute;
  }
  return undefined;
}
