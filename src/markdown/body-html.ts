import { createHash } from "node:crypto";

/**
 * An article body's HTML, named by its hash. The site model and the page
 * hashes need only the name: the bodies are a large share of the parse
 * cache while a warm build renders a handful of pages, so a body from
 * the cache is read from its file when a page shows it (article-cache.ts),
 * and one just parsed is held in memory.
 */
export interface BodyHtml {
  /** sha256 of the HTML's UTF-8 bytes: equal hashes, equal HTML. */
  readonly hash: string;
  /** Whether the HTML has local pictures marked for the site model to resolve (remark-images.ts). */
  readonly marksPictures: boolean;
  /** The HTML. A body kept in the cache file throws `DamagedCache` (article-cache.ts) if the file no longer holds it. */
  read(): string;
  /** A page's hash takes the body's hash: a page is rendered again exactly when its body (or anything else of it) changed. */
  toJSON(): string;
}

export function htmlHash(html: string | Uint8Array): string {
  return createHash("sha256").update(html).digest("hex");
}

/** remark-images marks each local `<img>` with the line it was written on (` data-line="…"`). */
export function marksPictures(html: string): boolean {
  return html.includes(" data-line=");
}

class HeldHtml implements BodyHtml {
  readonly marksPictures: boolean;
  constructor(
    readonly html: string,
    readonly hash: string,
  ) {
    this.marksPictures = marksPictures(html);
  }
  read(): string {
    return this.html;
  }
  toJSON(): string {
    return this.hash;
  }
}

/** HTML in memory; `hash` when it is known already (a worker thread made it beside the HTML). */
export function heldHtml(html: string, hash: string = htmlHash(html)): BodyHtml {
  return new HeldHtml(html, hash);
}
