import type { ArticleFile } from "../../src/content/find-files.ts";

/** An article file as the finder would describe `content/<section>/<name>.md`; `null`: at the top. */
export function articleFile(name: string, sectionFolder: string | null = "world"): ArticleFile {
  const rel = sectionFolder === null ? `${name}.md` : `${sectionFolder}/${name}.md`;
  return { absolute: `/tmp/${rel}`, display: `content/${rel}`, name, sectionFolder: sectionFolder ?? undefined, assets: [], bundleDir: undefined };
}
