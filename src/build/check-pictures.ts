import type { ArticleFile } from "../content/find-files.ts";
import { diagnose, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { imageProblem } from "../images/body-images.ts";
import { probeImage, type Probed } from "../images/probe.ts";
import { bundleFile, resolveLocalImage } from "../images/resolve.ts";
import type { LocalPicture } from "../markdown/local-pictures.ts";

/**
 * The pictures of a file that has errors, read and checked against its
 * folder as those of a published article are: the editor sees every
 * problem of the file in one run. Nothing is planned or encoded.
 */
export async function checkPictures(file: ArticleFile, pictures: readonly LocalPicture[]): Promise<Diagnostic[]> {
  const probes = new Map<string, Probed>();
  for (const { src } of pictures) {
    const found = bundleFile(src, { dir: file.bundleDir, assets: file.assets });
    if (found !== undefined && !probes.has(found.name)) probes.set(found.name, await probeImage(found.file, found.name));
  }
  const bundle = { dir: file.bundleDir, assets: file.assets, url: "/", pictures: probes };
  const diagnostics: Diagnostic[] = [];
  for (const { src, position } of pictures) {
    const resolved = resolveLocalImage(src, bundle, "", false);
    if (resolved.ok) continue;
    const problem = imageProblem(resolved, src, position);
    diagnostics.push(diagnose(problem.rule, file.display, problem.at, problem.args));
  }
  return diagnostics;
}
