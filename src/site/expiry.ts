import type { FrontMatter } from "../content/schema.ts";

/**
 * Taking an article down (`expires`): from the first build at or after that
 * moment it is published nowhere — no page, list, feed, sitemap, search
 * entry, sidebar, Check Also box or picture, since all of them are made from
 * the published articles only — and its address keeps a short notice
 * (`expires_leave: notice`, the default: gone-pages.ts) or nothing.
 */
export function isExpired(fm: FrontMatter, now: number): boolean {
  return fm.expires !== undefined && fm.expires.epoch <= now;
}
