import type { ArticleFile } from "../content/find-files.ts";
import { diagnose, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { resolveLocalImage } from "../images/resolve.ts";
import type { LocalPicture } from "../markdown/local-pictures.ts";

/**
 * The pictures of a file that has errors, checked against its folder as the
 * site model checks those of a published article: the editor sees every
 * problem of the file in one run. Nothing is planned or encoded.
 */
export function checkPictures(file: ArticleFile, pictures: readonly LocalPicture[]): Diagnostic[] {
  const bundle = { dir: file.bundleDir, assets: file.assets, url: "/" };
  const diagnostics: Diagnostic[] = [];
  for (const { src, position } of pictures) {
    const resolved = resolveLocalImage(src, bundle, "", false);
    if (resolved.ok) continue;
    diagnostics.push(
      resolved.rule === "image-missing"
        ? diagnose("image-missing", file.display, position, { src })
        : diagnose("image-unreadable", file.display, position, { src, reason: resolved.reason }),
    );
  }
  return diagnostics;
}
