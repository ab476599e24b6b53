import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliBundle } from "../../src/cli/cli-bundle.mjs";
import { ROOT, snapshotTree } from "../support/cli.ts";

/** The CLI's sources in a folder of their own, so that the test may change them. */
let root: string;
const bundleOf = (at: string): Promise<string | undefined> => cliBundle(at);
/** The bundle's manifest: its seal's line, then the JSON (cli-bundle.mjs). */
const readManifest = (): { files: Record<string, string>; inputs: Record<string, string> } =>
  JSON.parse(readFileSync(path.join(root, ".cache/cli/main.json"), "utf8").replace(/^[^\n]*\n/, "")) as {
    files: Record<string, string>;
    inputs: Record<string, string>;
  };

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "newsroom-launch-"));
  for (const entry of ["src", "templates", "public", "tsconfig.json", "package.json", "package-lock.json"])
    cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the CLI's bundle", () => {
  it("should be made once for the sources as they are, and made again when any file it was made from changes", async () => {
    const first = await bundleOf(root);
    expect(first).toMatch(/[/\\]\.cache[/\\]cli[/\\]main-[0-9A-Z]+\.mjs$/);
    const made = statSync(first as string).mtimeMs;
    expect(await bundleOf(root)).toBe(first);
    expect(statSync(first as string).mtimeMs).toBe(made);
    const manifest = readManifest();
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(["src/cli/main.ts", "src/site/build-site.ts", "tsconfig.json"]));

    // One byte of one module the CLI imports: never the old bundle again.
    const module = path.join(root, "src/text/display.ts");
    writeFileSync(module, `${readFileSync(module, "utf8")}\n(globalThis as { changed?: number }).changed = 1;\n`);
    expect(await bundleOf(root)).toBeDefined();
    // Files are named by their contents: the module's new code is in a file of a new name.
    const remade = readManifest();
    expect(Object.keys(remade.files).filter((file) => !(file in manifest.files)).length).toBeGreaterThan(0);
    expect(remade.inputs["src/text/display.ts"]).not.toBe(manifest.inputs["src/text/display.ts"]);
    expect(remade.inputs["src/site/build-site.ts"]).toBe(manifest.inputs["src/site/build-site.ts"]);
  });

  it("should build, through the bundle or through tsx when none can be made, exactly what the sources build", async () => {
    const site = path.join(ROOT, "tests/e2e/site");
    const build = (args: string[], out: string) =>
      spawnSync(
        process.execPath,
        [...args, "build", "--content", path.join(site, "content"), "--site", path.join(site, "site.yaml"), "--out", out, "--now", "2026-11-24T12:00:00+04:30"],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1", NEWSROOM_CACHE: "off" },
          timeout: 120_000,
        },
      );
    const bundled = build([path.join(root, "src/cli/launch.mjs")], path.join(root, "out-bundled"));
    expect(bundled.stderr).toBe("");
    expect(bundled.status).toBe(0);
    const sources = build(["--import", "tsx", path.join(root, "src/cli/main.ts")], path.join(root, "out-sources"));
    expect(sources.status).toBe(0);
    expect(snapshotTree(path.join(root, "out-bundled"))).toEqual(snapshotTree(path.join(root, "out-sources")));

    // No bundle can be kept where `.cache` is a file: the CLI runs from the sources, through tsx.
    rmSync(path.join(root, ".cache"), { recursive: true, force: true });
    writeFileSync(path.join(root, ".cache"), "");
    expect(await bundleOf(root)).toBeUndefined();
    const fallback = build([path.join(root, "src/cli/launch.mjs")], path.join(root, "out-fallback"));
    expect(fallback.status).toBe(0);
    expect(snapshotTree(path.join(root, "out-fallback"))).toEqual(snapshotTree(path.join(root, "out-sources")));
  }, 120_000);
});
