import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Which test files `npm run test:unit` leaves out: the ones that start
 * something, a process (the CLI, a build, the dev server, a worker script
 * through node), a browser or a server, and the ones that measure how a
 * cost grows on large inputs. A test is sorted by what it imports, so a new
 * one falls on the right side without a list to keep:
 * - it is named `*.e2e.test.ts` or `*.browser.test.ts`, or
 * - it, or a module under tests/ that it imports (followed through their
 *   own relative imports), imports one of LAUNCHERS or SCALING.
 * tests/support/cli.ts is where every test takes ROOT from, beside runCli:
 * it counts only for the tests that import runCli.
 */
export const LAUNCHERS = ["node:child_process", "child_process", "playwright-core", "@axe-core/playwright", "node:http", "node:net"];
/** Helpers that time work at growing sizes: right, and slow by design. */
export const SCALING = ["tests/support/growth.ts"];
const NAMED = /\.(?:e2e|browser)\.test\.ts$/;
const CLI = "tests/support/cli.ts";

type Read = (file: string) => string;

/** The specifiers of a module's static imports and re-exports, with the names it imports. */
function importsOf(text: string): { specifier: string; names: string }[] {
  // Code quoted in template literals (a test's made-up files) imports nothing.
  const code = text.replace(/`[^`]*`/g, "``");
  return [...code.matchAll(/\b(?:import|export)\b([^;"'`]*?)\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map((m) => ({
    specifier: m[2] ?? m[3] ?? "",
    names: m[1] ?? "",
  }));
}

/** Whether `file` (relative to `root`, with `/`) starts a process, a browser or a server, itself or through what it imports from tests/. */
export function isIntegration(file: string, read: Read, seen = new Set<string>()): boolean {
  if (NAMED.test(file)) return true;
  if (seen.has(file)) return false;
  seen.add(file);
  for (const { specifier, names } of importsOf(read(file))) {
    // Types start nothing.
    if (/^\s*type\s/.test(names)) continue;
    if (LAUNCHERS.includes(specifier)) return true;
    if (!specifier.startsWith(".")) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    if (!target.startsWith("tests/") || (target === CLI && !/\brunCli\b/.test(names))) continue;
    if (target === CLI || SCALING.includes(target) || isIntegration(target, read, seen)) return true;
  }
  return false;
}

/** Every test file under tests/, relative to `root`. */
export function testFiles(root: string, folder = "tests"): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "fixtures" || entry.name === "node_modules" ? [] : testFiles(root, relative);
    return relative.endsWith(".test.ts") ? [relative] : [];
  });
}

/** The test files that start nothing: the fast loop. */
export function unitTestFiles(root: string): string[] {
  const read: Read = (file) => readFileSync(path.join(root, file), "utf8");
  return testFiles(root).filter((file) => !isIntegration(file, read));
}
