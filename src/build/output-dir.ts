import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pauseAt } from "../io/pause.ts";
import { statOf, UsageError } from "../io/usage-error.ts";
import { exchangeCall } from "./exchange-folders.ts";
import { moveToTrash } from "./trash.ts";

/**
 * The published site is never damaged: pages are written into a fresh
 * folder beside the output, which replaces the old output only once complete.
 * A failed build leaves the previous output exactly as it was.
 *
 * The replacement is one system call that exchanges the two folders
 * (exchange-folders.ts), so a static server reading the output at any
 * moment, even one at which the build is killed, finds the whole old site
 * or the whole new one. Two renames (old aside, new in place) would leave a
 * moment without any output, for ever if the build is killed there. Making
 * the output a symlink flipped by rename() would be atomic too, but then the
 * user's `dist` is a link into some other folder: `cp -r`, `rsync -a dist`,
 * `docker COPY` and artifact uploads that keep links publish a dangling link,
 * and the generations it points to would have to live beside the output or
 * in the cache (deleting the cache would take the site down). Where no
 * exchange call exists (Windows) or the file system refuses it, the two
 * renames are the fallback, and the next build mends a kill between them.
 *
 * A symlinked output (`dist -> /srv/www/news`) is published through the
 * link: the new site is written beside the link's target and exchanged
 * there, so what the server reads is replaced and the link stays as it is.
 */

/** Left in every output we write, so we only ever replace our own builds; it lists the files the build wrote. */
export const MARKER = ".newsroom-build";
const MARKER_HEADING = "Written by the news-site generator; the folder is replaced whole on each build. The files it wrote:";

const inside = (child: string, parent: string): boolean => {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/** `p` with every link in it resolved, as far as it exists; the rest as it is. */
function real(p: string): string {
  const resolved = path.resolve(p);
  try {
    return realpathSync(resolved);
  } catch {
    const parent = path.dirname(resolved);
    return parent === resolved ? resolved : path.join(real(parent), path.basename(resolved));
  }
}

/** The sources an output folder must stay clear of, by what they are called in messages. */
export interface Sources {
  readonly content: string;
  readonly templates: string;
  readonly public: string;
  /** The site config file, when there is one: its folder must not be inside the output. */
  readonly siteFile: string | undefined;
}

/** Relative paths (`/`-separated) of every file and link under `dir`, folders entered, not listed. */
function filesIn(dir: string, sub = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub === "" ? entry.name : `${sub}/${entry.name}`;
    if (entry.isDirectory()) found.push(...filesIn(dir, rel));
    else found.push(rel);
  }
  return found;
}

/** The marker's text for a finished output folder `dir`. */
function markerFor(dir: string): string {
  const files = filesIn(dir).sort();
  // One name a line, as JSON strings: a name may hold any character.
  return `${MARKER_HEADING}\n${files.map((f) => JSON.stringify(f)).join("\n")}\n`;
}

/** The files the build that wrote `marker` listed; undefined for a marker without a list (an older build's). */
function listedIn(marker: string): Set<string> | undefined {
  const [heading, ...lines] = marker.split("\n");
  if (heading !== MARKER_HEADING) return undefined;
  return new Set(lines.filter((line) => line !== "").map((line) => JSON.parse(line) as string));
}

const NAMES_SHOWN = 10;

/** The source folders by what messages call them. */
const sourceFolders = (sources: Sources): [string, string][] => [
  ["content folder", sources.content],
  ["templates folder", sources.templates],
  ["public folder", sources.public],
];

/**
 * Refuse a cache folder (`NEWSROOM_CACHE`) inside a source folder or inside
 * the output: the cache holds the previous site until the next build, and
 * in the content folder it would be committed with the articles; in the
 * output it would be published, then refused as files the build did not write.
 */
export function checkCacheDir(cacheDir: string | undefined, outDir: string, sources: Sources): void {
  if (cacheDir === undefined) return;
  const cache = real(cacheDir);
  for (const [what, folder] of [...sourceFolders(sources), ["output folder", outDir] as [string, string]]) {
    if (inside(cache, real(folder))) {
      throw new UsageError(
        `NEWSROOM_CACHE: \`${cacheDir}\` is inside the ${what} \`${folder}\`; set it to a folder outside the sources and the output (or leave it unset for \`.cache/\`).`,
        { showUsage: false },
      );
    }
  }
}

/**
 * Refuse an output folder inside a source folder (each build would publish
 * the last one inside the next) or holding one (replacing it would lose
 * it), a path that is not a folder, and an output that holds files the last
 * build did not write: a build replaces the folder whole, so they would be
 * lost without a word. Links are followed: what counts is where files land.
 */
export function checkOutDir(outDir: string, sources: Sources): void {
  const out = real(outDir);
  const flag = `--out: \`${outDir}\``;
  const separate = "choose a separate output folder such as `dist`.";
  const folders = sourceFolders(sources);
  for (const [what, folder] of folders) {
    if (inside(out, real(folder))) {
      throw new UsageError(`${flag} is inside the ${what} \`${folder}\`: every build would publish the previous site in it; ${separate}`, { showUsage: false });
    }
  }
  const held: [string, string][] = [
    ["the current folder", process.cwd()],
    ...folders,
    ...(sources.siteFile === undefined ? [] : [["the site config's folder", path.dirname(path.resolve(sources.siteFile))] as [string, string]]),
  ];
  for (const [what, folder] of held) {
    if (inside(real(folder), out)) {
      throw new UsageError(`${flag} contains ${what} \`${folder}\`, which a build replaces whole; ${separate}`, { showUsage: false });
    }
  }
  // The nearest part of the path that exists must be a folder: a file there is a mistake in the flag.
  for (let at = out; ; at = path.dirname(at)) {
    const found = statOf(at);
    if (found !== undefined) {
      if (!found.isDirectory()) {
        throw new UsageError(
          at === out ? `${flag} is a file, not a folder; name a folder for the site.` : `${flag}: \`${at}\` is a file, so no folder can be made inside it.`,
          { showUsage: false },
        );
      }
      break;
    }
    if (path.dirname(at) === at) break;
  }
  if (lstatSync(path.resolve(outDir), { throwIfNoEntry: false })?.isSymbolicLink() === true && !existsSync(out)) {
    throw new UsageError(`${flag} is a link to \`${out}\`, which does not exist; make that folder, or remove the link.`, { showUsage: false });
  }
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length === 0) return;
  const addedBy = "files that this generator did not write";
  const keep = "Files every build should publish go in `public/`, which is copied to the site root on each build";
  if (!entries.includes(MARKER)) {
    throw new UsageError(`${flag} already holds ${addedBy}; a build replaces the folder whole. ${keep}; empty or remove this folder, or choose another.`, {
      showUsage: false,
    });
  }
  const listed = listedIn(readFileSync(path.join(out, MARKER), "utf8"));
  if (listed === undefined) return;
  const added = filesIn(out)
    .filter((f) => f !== MARKER && !listed.has(f))
    .sort();
  if (added.length === 0) return;
  const names = added
    .slice(0, NAMES_SHOWN)
    .map((f) => `\`${f}\``)
    .join(", ");
  const more = added.length > NAMES_SHOWN ? ` and ${added.length - NAMES_SHOWN} more` : "";
  throw new UsageError(
    `${flag} holds ${addedBy}: ${names}${more}. A build replaces the folder whole, so they would be lost. ${keep} (\`public/CNAME\` becomes \`/CNAME\`); move them there, or delete them here.`,
    { showUsage: false },
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Mend what a build killed midway left beside the output: a half-written
 * folder (or, after the exchange, the previous output) goes to the trash;
 * a previous output set aside by the two-rename fallback is put back if
 * the kill came before the new one was in place.
 */
function recover(target: string, trash: string | undefined): void {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const [kind, pid, ...rest] = name.slice(prefix.length).split("-");
    if (rest.length > 0 || (kind !== "building" && kind !== "previous") || !/^\d+$/.test(pid ?? "")) continue;
    if (isRunning(Number(pid))) continue;
    const full = path.join(parent, name);
    if (kind === "previous" && !existsSync(target)) renameSync(full, target);
    else moveToTrash(full, trash);
  }
}

/** Where a build into `outDir` publishes: the folder itself, or the folder its link names. */
function publishedFolder(outDir: string): string {
  const out = path.resolve(outDir);
  return lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink() === true ? realpathSync(out) : out;
}

/** Put the complete folder `next` in place of `target`, the previous output then at `next`. */
function swap(next: string, target: string, aside: string): void {
  const exchange = exchangeCall();
  if (exchange !== undefined) {
    try {
      exchange(next, target);
      return;
    } catch (error) {
      // A file system without the exchange (some network ones): the renames below.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EINVAL" && code !== "ENOSYS" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    }
  }
  renameSync(target, aside);
  try {
    renameSync(next, target);
  } catch (error) {
    renameSync(aside, target);
    throw error;
  }
  renameSync(aside, next);
}

/**
 * Run `write` into a temporary folder beside where the site is published,
 * then exchange it with the output. The previous output goes to `trash`
 * (under the cache folder, emptied by the next build off its critical path;
 * trash.ts); nothing is left beside the output, also when `write` fails.
 */
export async function publishAtomically<T>(outDir: string, trash: string | undefined, write: (dir: string) => Promise<T>): Promise<T> {
  const target = publishedFolder(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  recover(target, trash);
  const building = path.join(parent, `.${base}-building-${process.pid}`);
  const aside = path.join(parent, `.${base}-previous-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  try {
    const result = await write(building);
    writeFileSync(path.join(building, MARKER), markerFor(building));
    await pauseAt("publish:written");
    if (existsSync(target)) {
      swap(building, target, aside);
      await pauseAt("publish:swapped");
      moveToTrash(building, trash);
      await pauseAt("publish:discarded");
    } else {
      renameSync(building, target);
    }
    return result;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
