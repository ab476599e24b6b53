import path from "node:path";

/**
 * The absolute path of `rel` (`/`-separated, from the site root) inside
 * `outDir`. Anything that would land outside is a bug upstream, never a
 * write: every file the build copies or encodes goes through here.
 */
export function outputFile(outDir: string, rel: string): string {
  const to = inside(outDir, rel);
  if (to === undefined) throw new Error(`internal: \`${rel}\` would be written outside the output folder`);
  return to;
}

/** Whether `rel` names a file inside `outDir`: a path read from a manifest in the cache is checked so before it is used. */
export function isInside(outDir: string, rel: string): boolean {
  return inside(outDir, rel) !== undefined;
}

function inside(outDir: string, rel: string): string | undefined {
  const root = path.resolve(outDir);
  const to = path.resolve(root, ...rel.split("/"));
  return to.startsWith(`${root}${path.sep}`) ? to : undefined;
}
