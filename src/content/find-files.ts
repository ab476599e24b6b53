import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import { dropForbiddenCharacters } from "../text/text-safety.ts";

/** Where an article file sits, and what its place says about it. */
export interface ArticleFile {
  /** Absolute path, for reading. */
  readonly absolute: string;
  /** Path as the editor knows it: the content folder as given, then the relative path. */
  readonly display: string;
  /** The file name without `.md`, or the folder name of `<slug>/index.md`. */
  readonly name: string;
  /** The section folder it sits in, if any. */
  readonly sectionFolder: string | undefined;
  /** For `<slug>/index.md`: the other files beside it (pictures), relative to the folder. */
  readonly assets: readonly string[];
  /** For `<slug>/index.md`: the folder, absolute. */
  readonly bundleDir: string | undefined;
}

export interface FoundFiles {
  readonly articles: readonly ArticleFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Names an editor uses to keep a file out of the site: dotfiles, `_drafts/`, and READMEs. */
function ignored(name: string): boolean {
  return name.startsWith(".") || name.startsWith("_") || name === "node_modules" || /^readme\.md$/i.test(name);
}

/**
 * How deep a folder in the content folder is read: a section (1), an
 * article's bundle (2) and a few folders of its pictures. An article is never
 * deeper, and a tree thousands deep (a stray copy, a hostile upload) would
 * otherwise be walked until its paths pass the system's limit.
 */
export const MAX_FOLDER_DEPTH = 8;

interface Walked {
  readonly files: string[];
  /** Folders at the depth limit that hold folders, not read. */
  readonly tooDeep: string[];
  /** Names that are not UTF-8: read as text they name no file, so they cannot be opened. */
  readonly undecodable: string[];
}

async function walk(dir: string, depth: number, into: Walked): Promise<Walked> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Sorted by code point, so builds are the same on every file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ignored(entry.name)) continue;
    const full = path.join(dir, entry.name);
    // Node decodes a name's bytes as UTF-8, putting U+FFFD for bytes that are not: such a path names nothing.
    if (entry.name.includes("\uFFFD") && !existsSync(full)) {
      into.undecodable.push(full);
      continue;
    }
    if (entry.isDirectory()) {
      if (depth < MAX_FOLDER_DEPTH) await walk(full, depth + 1, into);
      else into.tooDeep.push(full);
    } else if (entry.isFile()) into.files.push(full);
  }
  return into;
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

/**
 * Find the articles under `contentDir`: `<slug>.md` or `<slug>/index.md`,
 * at the top or inside one section folder.
 */
export async function findArticleFiles(contentDir: string, displayDir: string): Promise<FoundFiles> {
  const root = path.resolve(contentDir);
  const walked = await walk(root, 0, { files: [], tooDeep: [], undecodable: [] });
  const all = walked.files.map((abs) => toPosix(path.relative(root, abs)));
  const bundles = new Set(all.filter((rel) => rel.endsWith("/index.md")).map((rel) => rel.slice(0, -"/index.md".length)));
  const articles: ArticleFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const display = (rel: string): string => toPosix(path.join(displayDir, rel));
  for (const file of walked.undecodable) {
    diagnostics.push(diagnose("file-name-encoding", display(toPosix(path.relative(root, file))), START, {}));
  }
  for (const folder of walked.tooDeep) {
    const rel = toPosix(path.relative(root, folder));
    diagnostics.push(diagnose("folder-too-deep", display(rel), START, { relative: rel, depth: MAX_FOLDER_DEPTH }));
  }

  for (const rel of all) {
    if (!rel.toLowerCase().endsWith(".md")) continue;
    const parts = rel.split("/");
    const isIndex = parts.at(-1) === "index.md";
    const name = isIndex ? (parts.at(-2) ?? "") : (parts.at(-1) ?? "").replace(/\.md$/i, "");
    const folders = parts.slice(0, isIndex ? -2 : -1);
    if (isIndex && parts.length === 1) continue; // content/index.md: not an article
    if (folders.length > 1 || (!isIndex && folders.some((_, i) => bundles.has(folders.slice(0, i + 1).join("/"))))) {
      diagnostics.push(diagnose("file-nesting", display(rel), START, { relative: rel }));
      continue;
    }
    const bundleRel = isIndex ? parts.slice(0, -1).join("/") : undefined;
    // A section folder's name becomes the section's title when site.yaml does not list it.
    const folder = folders[0] === undefined ? undefined : dropForbiddenCharacters(folders[0]);
    if (folder !== undefined && folder.dropped.length > 0) {
      diagnostics.push(diagnose("control-character", display(rel), START, { where: "The name of the section folder", characters: folder.dropped }));
    }
    articles.push({
      absolute: path.join(root, ...parts),
      display: display(rel),
      name,
      sectionFolder: folder?.text,
      assets:
        bundleRel === undefined
          ? []
          : all.filter((f) => f.startsWith(`${bundleRel}/`) && !f.toLowerCase().endsWith(".md")).map((f) => f.slice(bundleRel.length + 1)),
      bundleDir: bundleRel === undefined ? undefined : path.join(root, ...bundleRel.split("/")),
    });
  }
  return { articles, diagnostics };
}
