import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/cli.ts";

/**
 * Every package the code names must be declared in package.json with the exact version
 * that is installed: an undeclared one works only while another package happens to bring
 * it, and `npm ci` on a fresh machine may not.
 */
interface PackageJson {
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
}

interface Use {
  readonly pkg: string;
  readonly at: string;
  /** `import type`, `typeof import("x")`: needs only the types, so `@types/x` will do. */
  readonly typeOnly: boolean;
}

/** Where code lives; fixtures are content, not code we run. */
const FOLDERS = ["src", "templates", "bench", "tests"];
const SKIP = new Set(["node_modules", "fixtures", "artifacts"]);
const CODE = /\.(?:[cm]?[jt]sx?)$/;
/** Shipped code: what `npm ci --omit=dev` must be enough for. */
const RUNTIME = ["src/", "templates/"];

const pkgJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageJson;
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function codeFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : codeFiles(relative);
    return CODE.test(entry.name) ? [relative] : [];
  });
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`; undefined for relative, absolute, builtin, `#internal` or URL specifiers. */
function packageOf(specifier: string): string | undefined {
  if (/^[./#]|^[a-z]+:/i.test(specifier) || builtins.has(specifier) || builtins.has(specifier.split("/")[0] ?? "")) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The module specifiers a file names: static and dynamic imports, re-exports, `import.meta.resolve`, and requires made from this file's own place. */
function specifiersIn(text: string): { specifier: string; index: number; typeOnly: boolean }[] {
  const found: { specifier: string; index: number; typeOnly: boolean }[] = [];
  const patterns: [RegExp, (match: RegExpMatchArray) => boolean][] = [
    // import x from "y", import type { x } from "y", export * from "y" (one statement, possibly over lines)
    [/\b(import|export)(\s+type\b)?[^;"'`]*?\bfrom\s*["']([^"']+)["']/g, (m) => m[2] !== undefined],
    // import "y" (for its effects), a statement of its own
    [/^\s*import\s*["']([^"']+)["']/gm, () => false],
    // import("y"), typeof import("y") in a type
    [/(\btypeof\s+)?\bimport\s*\(\s*["']([^"']+)["']\s*[,)]/g, (m) => m[1] !== undefined],
    // import.meta.resolve("y")
    [/\bimport\.meta\.resolve\s*\(\s*["']([^"']+)["']/g, () => false],
    // createRequire(import.meta.url)("y") and createRequire(import.meta.url).resolve("y")
    [/\bcreateRequire\(\s*import\.meta\.url\s*\)(?:\.resolve)?\s*\(\s*["']([^"']+)["']/g, () => false],
    // /// <reference types="y" />
    [/\/\/\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/g, () => true],
  ];
  for (const [pattern, typeOnly] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const specifier = match.at(-1) ?? "";
      found.push({ specifier, index: match.index, typeOnly: typeOnly(match) });
    }
  }
  // `const require = createRequire(import.meta.url)`: that file's require("y") and require.resolve("y")
  if (/\bconst\s+require\s*=\s*createRequire\(\s*import\.meta\.url\s*\)/.test(text)) {
    for (const match of text.matchAll(/(?<![.\w])require(?:\.resolve)?\s*\(\s*["']([^"']+)["']/g)) {
      found.push({ specifier: match[1] ?? "", index: match.index, typeOnly: false });
    }
  }
  return found;
}

function usesIn(file: string): Use[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return specifiersIn(text).flatMap(({ specifier, index, typeOnly }) => {
    const pkg = packageOf(specifier);
    if (pkg === undefined) return [];
    const line = text.slice(0, index).split("\n").length;
    return [{ pkg, at: `${file}:${line}`, typeOnly }];
  });
}

/** The package that provides a package's types when it ships none: `@types/x`, `@types/scope__x`. */
function typesPackage(pkg: string): string {
  return `@types/${pkg.startsWith("@") ? pkg.slice(1).replace("/", "__") : pkg}`;
}

function installedVersion(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** This file names made-up packages in its examples. */
const SELF = "tests/docs/dependencies.test.ts";
const files = [...FOLDERS.flatMap(codeFiles), ...readdirSync(ROOT).filter((name) => CODE.test(name))].filter((file) => file !== SELF);
const uses = files.flatMap(usesIn);

describe("the packages the code imports", () => {
  it("should find the imports it looks for", () => {
    expect(specifiersIn(`import type { Node } from "unist";\nconst m = await import("chrome-launcher");`)).toEqual([
      { specifier: "unist", index: 0, typeOnly: true },
      { specifier: "chrome-launcher", index: 51, typeOnly: false },
    ]);
    expect(specifiersIn(`export {\n  a,\n} from "@scope/pkg/sub";`).map((s) => s.specifier)).toEqual(["@scope/pkg/sub"]);
    expect(specifiersIn(`import "./side.ts";\nimport "effects";\nspawn(node, ["--import", "tsx"]);`).map((s) => s.specifier)).toEqual(["./side.ts", "effects"]);
    expect(specifiersIn(`const x = createRequire(import.meta.url)("koffi");`).map((s) => s.specifier)).toEqual(["koffi"]);
    expect(specifiersIn(`const require = createRequire(import.meta.url);\nrequire.resolve("tsx");`).map((s) => s.specifier)).toEqual(["tsx"]);
    // A require made from another package's place resolves that package's own dependencies.
    expect(specifiersIn(`createRequire(createRequire(import.meta.url).resolve("a"))("ws")`).map((s) => s.specifier)).toEqual(["a"]);
    expect(["node:fs", "fs/promises", "./x.ts", "#internal", "@scope/a/b", "a/b"].map(packageOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      "@scope/a",
      "a",
    ]);
    expect(uses.length).toBeGreaterThan(100);
  });

  it("should each be declared in package.json", () => {
    const declared = { ...pkgJson.dependencies, ...pkgJson.devDependencies };
    const missing = uses.filter(({ pkg, typeOnly }) => !(pkg in declared) && !(typeOnly && typesPackage(pkg) in declared));
    expect(missing.map(({ pkg, at }) => `${pkg} (${at})`)).toEqual([]);
  });

  it("should be dependencies, not devDependencies, when shipped code runs them", () => {
    const runtime = uses.filter(({ at, typeOnly }) => !typeOnly && RUNTIME.some((folder) => at.startsWith(folder)));
    const misplaced = runtime.filter(({ pkg }) => !(pkg in pkgJson.dependencies));
    expect(misplaced.map(({ pkg, at }) => `${pkg} (${at})`)).toEqual([]);
  });

  it("should be pinned to the exact version installed", () => {
    const declared = { ...pkgJson.dependencies, ...pkgJson.devDependencies };
    const wrong = Object.entries(declared).flatMap(([pkg, version]) => {
      const installed = installedVersion(pkg);
      return version === installed ? [] : [`${pkg}: declared ${version}, installed ${installed ?? "nothing"}`];
    });
    expect(wrong).toEqual([]);
  });
});
