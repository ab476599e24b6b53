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

/** Bidi embeddings, overrides and isolates: they reorder the text after them up to the end of the paragraph. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it
 * holds a bidi control, for places where HTML cannot isolate it (`<title>`):
 * a U+202E in a headline cannot then reverse the site name after it. An
 * isolate the text opens is closed before ours, and a stray PDI, which
 * would close ours early, is left out.
 */
export function isolateText(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  let open = 0;
  let inner = "";
  for (const ch of text) {
    if (ch === "\u2066" || ch === "\u2067" || ch === "\u2068") open++;
    else if (ch === "\u2069") {
      if (open === 0) continue;
      open--;
    }
    inner += ch;
  }
  return `\u2068${inner}${"\u2069".repeat(open)}\u2069`;
}
