import path from "node:path";

/**
 * The absolute path of `rel` (`/`-separated, from the site root) inside
 * `outDir`. Anything that would land outside is a bug upstream, never a
 * write: every file the build copies or encodes goes through here.
 */
export function outputFile(outDir: string, rel: string): string {
  const to = fileInside(outDir, rel);
  if (to === undefined) throw new Error(`internal: \`${rel}\` would be written outside the output folder`);
  return to;
}

/** `outputFile` for a path that may come from elsewhere (a manifest in the cache): undefined when it would land outside. */
export function fileInside(outDir: string, rel: string): string | undefined {
  const root = path.resolve(outDir);
  const to = path.resolve(root, ...rel.split("/"));
  return to.startsWith(`${root}${path.sep}`) ? to : undefined;
}
