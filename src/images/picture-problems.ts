import { type Diagnostic, diagnose, type Position } from "../diagnostics/diagnostic.ts";
import { type Bundle, type Resolved, resolveLocalImage } from "./resolve.ts";

/** A picture an article names (its lead picture, or one in its body), and where: found only when a problem is reported. */
export interface PictureRef {
  readonly src: string;
  readonly at: () => Position;
}

/**
 * The problems of the pictures an article names beside it, each at its
 * line: missing, unreadable, or not what its extension says. The probes
 * were made when the article was loaded; nothing is read here.
 */
export function pictureProblems(file: string, bundle: Bundle, refs: readonly PictureRef[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { src, at } of refs) {
    const resolved = resolveLocalImage(src, bundle, "", false);
    if (!resolved.ok) found.push(problemOf(resolved, file, src, at()));
  }
  return found;
}

function problemOf(resolved: Extract<Resolved, { ok: false }>, file: string, src: string, at: Position): Diagnostic {
  switch (resolved.rule) {
    case "image-missing":
      return diagnose(resolved.rule, file, at, { src });
    case "image-unreadable":
      return diagnose(resolved.rule, file, at, { src, reason: resolved.reason });
    case "image-type-mismatch":
      return diagnose(resolved.rule, file, at, { src, format: resolved.format, extension: resolved.extension });
  }
}
