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
    for (const file of files)
      hash
        .update(`${path.relative(root, file)}\0`)
        .update(readFileSync(file))
        .update("\0");
  }
  return hash.digest("hex");
}

const memo = new Map<string, string>();

function memoized(key: string, compute: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/**
 * The code that parses an article (our sources, the libraries, Node): keys
 * the parse cache and names the worker bundle. Read once per process.
 */
export function parserVersion(root: string): string {
  return memoized(`parser\0${root}`, () => fingerprint([path.join(root, "src"), path.join(root, "package-lock.json")], [process.version]));
}

/** The code that renders a page: the parser's, and the templates. Read once per process. */
export function pagesVersion(root: string): string {
  return memoized(`pages\0${root}`, () =>
    fingerprint([path.join(root, "src"), path.join(root, "templates"), path.join(root, "package-lock.json")], [process.version]),
  );
}
