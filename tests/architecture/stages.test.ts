import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The folders of `src/` in the order of the data's path, earliest first
 * (docs/architecture.md): a module may import from its own folder and from
 * folders before it, never from a later one. The first three are the floor
 * every stage stands on; `docs` and `cli` come last, as they call the rest.
 */
const STAGES = [
  "text", // plain-text helpers: safe characters, addresses, display text
  "diagnostics", // the catalogue of problems and how they are printed
  "relate", // the related-articles engine, a pure algorithm
  "io", // disk at the edges: caches and their seals, output files, the previous output
  "content", // finding and reading files, front matter, the site config
  "markdown", // the body's AST and its transforms
  "images", // probing, planning and encoding pictures
  "load", // reading and parsing every article (threads, the parse cache)
  "site", // the pure site model: every page with its key
  "eleventy", // rendering pages from the templates
  "search", // the search index
  "build", // the orchestrator: plan, write, index, publish
  "dev", // the preview
  "docs", // generated documentation
  "cli", // the commands
] as const;

const SRC = path.resolve(import.meta.dirname, "../../src");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

/** Every module of `src/` (relative, `/`-separated) and the modules of `src/` it imports. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f))
    .map((f) => f.split(path.sep).join("/"));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), "utf8");
    const targets = [...text.matchAll(IMPORT)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? "")));
    graph.set(file, [...new Set(targets.filter((t) => !t.startsWith("..")))]);
  }
  return graph;
}

const stageOf = (file: string): string => file.split("/")[0] ?? "";

/** Strongly connected components of more than one module (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return found;
}

describe("the stages of src/", () => {
  const graph = importGraph();

  it("should place every folder of src/ on the data's path", () => {
    const folders = new Set([...graph.keys()].map(stageOf));
    expect([...folders].filter((f) => !(STAGES as readonly string[]).includes(f))).toEqual([]);
  });

  it("should never import from a later stage into an earlier one", () => {
    const backwards: string[] = [];
    for (const [file, targets] of graph) {
      const from = STAGES.indexOf(stageOf(file) as (typeof STAGES)[number]);
      for (const target of targets) {
        const to = STAGES.indexOf(stageOf(target) as (typeof STAGES)[number]);
        if (to > from) backwards.push(`${file} -> ${target}`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it("should have no cycle of modules importing each other", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("should see the imports it checks (a test that cannot fail is no test)", () => {
    expect(graph.get("build/build.ts")).toContain("site/build-site.ts");
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["a"]],
          ["c", []],
        ]),
      ),
    ).toEqual([["a", "b"]]);
  });
});
