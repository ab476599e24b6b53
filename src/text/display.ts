const SUMMARY_LENGTH = 200;
/** Where a headline is cut in `<title>`, OpenGraph and structured data (Google reads 110 characters of a headline). */
export const HEADLINE_LENGTH = 110;

/** Trim to a word boundary and mark the cut, for summaries taken from the body. */
export function trimSummary(text: string, limit = SUMMARY_LENGTH): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= limit) return clean;
  // Never between the halves of a surrogate pair: a lone one is not text any output may carry.
  const whole = (at: number): number => (/[\ud800-\udbff]/.test(clean[at - 1] ?? "") ? at - 1 : at);
  const cut = clean.slice(0, whole(limit + 1));
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit / 2 ? space : whole(limit)).replace(/[\s,;:.–-]+$/u, "")}…`;
}

/** A headline short enough for a browser tab, a link preview or a search result: cut at a word, marked. */
export function headTitle(text: string): string {
  return trimSummary(text, HEADLINE_LENGTH);
}

/**
 * OpenGraph's `og:locale`, language_TERRITORY: the territory a language is
 * most likely read in when the tag names none (`en` → `en_US`, `ps` → `ps_AF`).
 */
export function ogLocale(lang: string): string {
  try {
    const locale = new Intl.Locale(lang).maximize();
    if (locale.region !== undefined) return `${locale.language}_${locale.region}`;
  } catch {
    // Not a language tag Intl knows: keep its own parts.
  }
  return lang.replace(/-/g, "_");
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
