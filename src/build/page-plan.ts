import { createHash } from "node:crypto";
import { outputPath, type Page } from "../site/pages.ts";

/**
 * Which pages a build must render, and which it may carry over from the
 * previous output. Every page of the site comes with the key of exactly
 * what its view is made from (site/pages.ts); its hash adds the templates'
 * and pipeline's fingerprint. The whole logical build (load, validate,
 * relate, model) runs every time, so a page whose inputs changed (another
 * article's edit that changes its sidebar, a new page of a tag) gets a new
 * hash: nothing is guessed about dependencies. A carried page's view is
 * never made.
 */

/** Output path (relative, `/`-separated) → hash of the page. */
export type PageHashes = ReadonlyMap<string, string>;

export function pageHash(version: string, key: string): string {
  return createHash("sha256").update(`${version}\0${key}`).digest("hex");
}

export interface PagePlan {
  /** The pages to render, in the site's order. */
  readonly render: readonly Page[];
  /** Output paths to carry over from the previous output, sorted. */
  readonly carry: readonly string[];
  /** Every page's hash, by output path: what the next build compares with. */
  readonly hashes: PageHashes;
}

/**
 * Pages whose hash is the one recorded for the previous output (`previous`,
 * already checked against the files on disk) are carried over, but those at
 * `always` (written by the renderer on every run); the rest are rendered.
 */
export function planPages(pages: readonly Page[], version: string, previous: PageHashes, always: ReadonlySet<string> = new Set()): PagePlan {
  const hashes = new Map<string, string>();
  const render: Page[] = [];
  const carry: string[] = [];
  for (const page of pages) {
    const at = outputPath(page.url);
    if (hashes.has(at)) throw new Error(`internal: two pages would be written to ${at}`);
    const hash = pageHash(version, page.key);
    hashes.set(at, hash);
    if (!always.has(at) && previous.get(at) === hash) carry.push(at);
    else render.push(page);
  }
  return { render, carry: carry.sort(), hashes };
}
