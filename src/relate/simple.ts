/**
 * The interim related-articles rule (issue 2): most shared tags, then same
 * section, then newest; never the article itself nor its Check Also targets.
 * It knows nothing of pages: records in, slugs out. Issue 4 replaces it.
 */
export interface RelateRecord {
  readonly slug: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly epoch: number;
  /** Slugs the editor already links in the Check Also box. */
  readonly exclude: readonly string[];
}

export function relateByTags(records: readonly RelateRecord[], count: number): Map<string, string[]> {
  const picks = new Map<string, string[]>();
  const normalizedTags = new Map(records.map((r) => [r.slug, new Set(r.tags.map((t) => t.toLowerCase()))]));
  for (const record of records) {
    const mine = normalizedTags.get(record.slug) ?? new Set<string>();
    const excluded = new Set([record.slug, ...record.exclude]);
    const scored = records
      .filter((other) => !excluded.has(other.slug))
      .map((other) => {
        let shared = 0;
        for (const tag of normalizedTags.get(other.slug) ?? []) if (mine.has(tag)) shared++;
        return { other, shared, sameSection: other.section === record.section ? 1 : 0 };
      });
    scored.sort(
      (a, b) =>
        b.shared - a.shared ||
        b.sameSection - a.sameSection ||
        b.other.epoch - a.other.epoch ||
        (a.other.slug < b.other.slug ? -1 : a.other.slug > b.other.slug ? 1 : 0),
    );
    picks.set(record.slug, scored.slice(0, count).map((s) => s.other.slug));
  }
  return picks;
}
