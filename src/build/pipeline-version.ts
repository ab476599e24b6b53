import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * A fingerprint of the code that turns content into output: every file
 * under the given folders (our sources, the templates) and the lockfile that
 * pins every library. Any change to any of them, however unrelated, gives a
 * new fingerprint and so a cold build: guessing which change matters is how
 * incremental builds go wrong.
 */
export function fingerprint(paths: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash("sha256");
  for (const value of extra) hash.update(`${value}\0`);
  for (const root of paths) {
    const files = statSync(root).isDirectory()
      ? readdirSync(root, { recursive: true, encoding: "utf8" })
          .map((rel) => path.join(root, rel))
          .filter((file) => statSync(file).isFile())
          .sort()
      : [root];
    for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}
