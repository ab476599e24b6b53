import { type Dirent, type FSWatcher, readdirSync, statSync, watch } from "node:fs";
import path from "node:path";
import { MAX_FOLDER_DEPTH } from "../content/find-files.ts";

export interface Watcher {
  close(): void;
}

/** Editors' and tools' scratch folders: never content, and some (node_modules) are huge. */
const skipped = (name: string): boolean => name.startsWith(".") || name === "node_modules";

function isDirectory(at: string): boolean {
  try {
    return statSync(at).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Report the files that change under `roots` (folders, watched with their
 * subfolders, or single files), as absolute paths, in batches: an editor's
 * save is often several events (truncate, write, rename from a temporary
 * file) a few milliseconds apart. One `fs.watch` per folder: Node 20's
 * recursive watch on Linux polls every file, far too slow for 10,000, and
 * a file watch loses a file its editor replaces by renaming.
 */
export function watchPaths(roots: readonly string[], onChange: (paths: string[]) => void, settleMs = 20): Watcher {
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    onChange(paths);
  };
  const changed = (at: string): void => {
    pending.add(at);
    if (timer === undefined) timer = setTimeout(flush, settleMs);
  };

  const unwatch = (dir: string): void => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  // Folders are watched no deeper than the build reads them (find-files.ts).
  const watchFolder = (dir: string, only: string | undefined, depth = 0): void => {
    // A folder deleted and made again under the same name needs a new watch: the old one watches nothing.
    unwatch(dir);
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (name === null || (only !== undefined && name !== only)) return;
        const at = path.join(dir, name);
        // A new folder (a new bundle, or one renamed into place) is watched with what it holds.
        if (only === undefined && !skipped(name) && depth < MAX_FOLDER_DEPTH && isDirectory(at)) watchTree(at, depth + 1);
        else if (watchers.has(at)) unwatch(at);
        changed(at);
      });
    } catch {
      return; // Deleted before it could be watched: its parent reports it.
    }
    watcher.on("error", () => unwatch(dir));
    watchers.set(dir, watcher);
  };
  const watchTree = (dir: string, depth: number): void => {
    watchFolder(dir, undefined, depth);
    if (depth >= MAX_FOLDER_DEPTH) return;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !skipped(entry.name)) watchTree(path.join(dir, entry.name), depth + 1);
  };

  for (const root of roots.map((r) => path.resolve(r))) {
    if (isDirectory(root)) watchTree(root, 0);
    else watchFolder(path.dirname(root), path.basename(root));
  }
  return {
    close() {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
