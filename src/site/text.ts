const SUMMARY_LENGTH = 200;

/** Trim to a word boundary and mark the cut, for summaries taken from the body. */
export function trimSummary(text: string, limit = SUMMARY_LENGTH): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit + 1);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit / 2 ? space : limit).replace(/[\s,;:.–-]+$/u, "")}…`;
}

/** Languages written right to left, by primary subtag. */
const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "prs", "ps", "sd", "ug", "ur", "yi"]);

export function directionOf(lang: string): "ltr" | "rtl" {
  const primary = lang.toLowerCase().split("-")[0] ?? "";
  // Kurdish is also written in Latin script: only `ku-Arab` is right to left.
  if (primary === "ku") return /-arab\b/i.test(lang) ? "rtl" : "ltr";
  return RTL.has(primary) ? "rtl" : "ltr";
}
