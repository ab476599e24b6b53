#!/usr/bin/env node
// @ts-check
/**
 * What `npm run build` (and the CLI's other scripts) start: the command
 * line from its bundle (cli-bundle.mjs), or through tsx from the sources
 * when no bundle can be made or kept.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cliBundle, ENTRY } from "./cli-bundle.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bundle = await cliBundle(root);
if (bundle !== undefined) {
  await import(pathToFileURL(bundle).href);
} else {
  // The project's tsconfig (JSX for the templates), not the working folder's.
  (await import("tsx/esm/api")).register({ tsconfig: path.join(root, "tsconfig.json") });
  await import(pathToFileURL(path.join(root, ENTRY)).href);
}
