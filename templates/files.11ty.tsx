import type { TextFile } from "../src/site/view.ts";
import type { PageData } from "./_components/data.ts";

/** Feeds, sitemaps and robots.txt: built as text in src/site/files.ts, written as is. */
interface FileData extends PageData {
  readonly file: TextFile;
}

export const data = {
  pagination: { data: "model.files", size: 1, alias: "file", addAllPagesToCollections: false },
  permalink: (d: FileData) => d.file.url,
  eleventyExcludeFromCollections: true,
};

export function render({ file }: FileData): string {
  return file.body;
}
