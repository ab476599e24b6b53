const SUMMARY_LENGTH = 200;
/** Where a headline is cut in `<title>`, OpenGraph and structured data (Google reads 110 characters of a headline). */
export const HEADLINE_LENGTH = 110;

/**
 * Words a full stop follows without ending the sentence: titles before a
 * name, and the shortenings news copy uses mid-sentence. Lower case; a
 * single letter (an initial, `J.`) and dotted initials (`U.S.`, `U.N.`) are
 * caught by shape, and `3.5` never has the space after its point that a
 * sentence end needs.
 */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof gen col lt sgt capt cmdr maj brig adm gov sen rep pres st jr sr rev fr hon
  no nos vs etc eg ie approx est dept univ corp inc ltd co bros mt ft
  jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/** `.`, `!`, `?`, and the Arabic-script full stop `۔` and question mark `؟`, with any closing quotes or brackets after them. */
const SENTENCE_END = /[.!?۔؟…]+["'”’»)\]]*(?=\s)/gu;

/** Whether the full stop at `end` (the index of the `.`) closes an abbreviation or an initial rather than a sentence. */
function abbreviationAt(text: string, end: number): boolean {
  const word = /[\p{L}.]+$/u.exec(text.slice(0, end))?.[0] ?? "";
  if (word === "") return false;
  // `J.` or `U.S.`: letters each followed by a point.
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, "").length <= 3 && /^\p{Lu}/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\./g, ""));
}

/** Never between the halves of a surrogate pair: a lone one is not text any output may carry. */
function whole(text: string, at: number): number {
  return /[\ud800-\udbff]/.test(text[at - 1] ?? "") ? at - 1 : at;
}

/** Cut `clean` (longer than `limit`) at the last word boundary before it, or mid-word when a word is longer, marked. */
function cutAtWord(clean: string, limit: number): string {
  const cut = clean.slice(0, whole(clean, limit + 1));
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > limit / 2 ? space : whole(clean, limit)).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/**
 * A summary taken from the body: whole sentences, as many as fit in `limit`.
 * When the first sentence alone is longer, it is cut at its last clause
 * boundary (`,` `;` `:` `–` `—` `،` `؛`) past half the limit, else at a
 * word, and the cut is marked with "…": the only summaries that end so.
 */
export function trimSummary(text: string, limit = SUMMARY_LENGTH): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= limit) return clean;
  let best = 0;
  for (const match of `${clean} `.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end > limit) break;
    // A single full stop may close `Dr.` or `U.S.` instead: the sentence goes on.
    if (/^\.(?!\.)/.test(match[0]) && abbreviationAt(clean, match.index)) continue;
    best = end;
  }
  if (best > 0) return clean.slice(0, best);
  const window = clean.slice(0, whole(clean, limit + 1));
  const clause = Math.max(...[...window.matchAll(/[,;:،؛](?=\s)|\s[–—](?=\s)/gu)].map((m) => m.index));
  if (clause > limit / 2) return `${clean.slice(0, clause).trimEnd()}…`;
  return cutAtWord(clean, limit);
}

/** A headline short enough for a browser tab, a link preview or a search result: cut at a word, marked. */
export function headTitle(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= HEADLINE_LENGTH ? clean : cutAtWord(clean, HEADLINE_LENGTH);
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
