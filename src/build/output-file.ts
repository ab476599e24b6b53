import path from "node:path";

/**
 * The absolute path of `rel` (`/`-separated, from the site root) inside
 * `outDir`. Anything that would land outside is a bug upstream, never a
 * write: every file the build copies or encodes goes through here.
 */
export function outputFile(outDir: string, rel: string): string {
  const root = path.resolve(outDir);
  const to = path.resolve(root, ...rel.split("/"));
  if (!to.startsWith(`${root}${path.sep}`)) throw new Error(`internal: \`${rel}\` would be written outside the output folder`);
  return to;
}
