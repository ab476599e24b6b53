import type { ArticleFile } from "../content/find-files.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { pictureProblems } from "../images/picture-problems.ts";
import { type Probed, probeImage } from "../images/probe.ts";
import { bundleFile } from "../images/resolve.ts";
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
  return pictureProblems(
    file.display,
    bundle,
    pictures.map(({ src, position }) => ({ src, at: () => position })),
  );
}
