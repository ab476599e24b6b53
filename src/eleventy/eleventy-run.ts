/**
 * What Eleventy itself does in a build: it copies `public/` to the site's
 * root, and renders the one-off pages a designer writes in one of its own
 * template languages (`about.njk`, `colophon.md`, `masthead.liquid`,
 * `legal.11ty.js` in `templates/`), with our model as the global data
 * `model`. The `*.11ty.tsx` templates are left to our writer
 * (render-pages.ts), which renders them as Eleventy does.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { outputFile } from "../io/output-file.ts";
import type { RenderModel } from "../site/view.ts";
import type { Written } from "./render-pages.ts";

/** What of Eleventy's config API is used here: it ships JSDoc types only. */
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  readonly ignores: Set<string>;
}

/** Eleventy's run, written here inside the folder being built, then moved into place. */
const STAGING = ".eleventy-run";

/**
 * Run Eleventy over `templatesDir` into `outDir`: `public/` and the
 * designer's Eleventy-language pages. It writes into a folder of its own
 * first; each file is then moved into place, so that none is ever written
 * through a page carried over (linked) from the previous output, and one on
 * a path our writer has written in this run is refused. Returns the pages
 * it rendered.
 */
export async function runEleventy(templatesDir: string, publicDir: string, outDir: string, model: RenderModel, written: Written): Promise<number> {
  const staging = path.join(outDir, STAGING);
  rmSync(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(path.resolve(templatesDir), staging, {
      quietMode: true,
      runMode: "build",
      config(config: EleventyConfig) {
        config.addGlobalData("model", () => model);
        // Ours (render-pages.ts), and the components they import; as globs under the input folder.
        config.ignores.add("**/*.11ty.tsx");
        config.ignores.add("_components/**");
        config.addPassthroughCopy({ [path.resolve(publicDir)]: "/" });
      },
    });
    // Our CLI prints its own summary: no "Wrote N files". What fails is thrown to us, and reported with its cause.
    eleventy.disableLogger();
    const results = (await eleventy.write()) as unknown;
    moveInto(staging, outDir, written);
    // Its pages, not the files it copied: those have no `outputPath` in its results.
    return Array.isArray(results) ? results.flat().filter((r) => typeof r === "object" && r !== null && "outputPath" in r).length : 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Move every file under `from` to the same place under `outDir`, claiming its path. */
function moveInto(from: string, outDir: string, written: Written): void {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const at = path.relative(from, file).split(path.sep).join("/");
    written.claim(at, "Eleventy (public/, or a template in one of its languages)");
    const to = outputFile(outDir, at);
    mkdirSync(path.dirname(to), { recursive: true });
    // A rename replaces whatever is there (a link to the previous output among them) without writing into it.
    renameSync(file, to);
  }
}
