import type { ArticleFile } from "../../src/content/find-files.ts";

/** An article file as the finder would describe `content/<section>/<name>.md`. */
export function articleFile(name: string, sectionFolder: string | undefined = "world"): ArticleFile {
  const rel = sectionFolder === undefined ? `${name}.md` : `${sectionFolder}/${name}.md`;
  return { absolute: `/tmp/${rel}`, display: `content/${rel}`, name, sectionFolder, assets: [], bundleDir: undefined };
}
