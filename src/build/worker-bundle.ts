import { existsSync } from "node:fs";
import { mkdir, rename } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * A worker thread's module as one plain JavaScript file. Node 20 does not
 * pass tsx on to worker threads, and a worker loading our TypeScript file
 * by file through tsx would take seconds to start (measured: 3.7 s against
 * 0.9 s for the parse worker). The bundle holds our code only (libraries
 * are imported from node_modules as usual) and is named by the pipeline's
 * fingerprint, so it is made once per version of the code and never used
 * stale. Undefined when it cannot be made (a read-only checkout, say): the
 * caller then does the work on its own thread, slower, with the same result.
 */
export async function workerScript(root: string, entry: string, version: string): Promise<string | undefined> {
  const name = path.basename(entry, path.extname(entry));
  const folder = path.join(root, ".cache", "workers");
  const bundle = path.join(folder, `${name}-${version.slice(0, 16)}.mjs`);
  try {
    if (!existsSync(bundle)) {
      const { build } = await import("esbuild");
      await mkdir(folder, { recursive: true });
      const temporary = `${bundle}.${process.pid}.tmp.mjs`;
      await build({ entryPoints: [path.join(root, entry)], bundle: true, packages: "external", platform: "node", format: "esm", target: "node20", outfile: temporary, logLevel: "silent" });
      await rename(temporary, bundle);
    }
    return pathToFileURL(bundle).href;
  } catch {
    return undefined;
  }
}
