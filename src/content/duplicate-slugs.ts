import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import type { ArticleFile } from "./find-files.ts";

/**
 * Articles whose slugs collide: the same name in two sections, or names that
 * differ only by case (`Floods.md`, `floods.md`: one file on macOS and
 * Windows) or by Unicode normalization (é as one code point or two).
 * The first file in path order keeps the slug; each later one is an error.
 */
export function findDuplicateSlugs(files: readonly ArticleFile[]): { unique: ArticleFile[]; diagnostics: Diagnostic[] } {
  const seen = new Map<string, ArticleFile>();
  const unique: ArticleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of [...files].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))) {
    const key = file.name.normalize("NFC").toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, file);
      unique.push(file);
    } else {
      diagnostics.push(diagnose("slug-duplicate", file.display, START, { slug: file.name, other: first.display }));
    }
  }
  return { unique, diagnostics };
}
