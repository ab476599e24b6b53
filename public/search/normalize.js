// One spelling for what Dari, Pashto and Arabic keyboards write differently,
// used both when the search index is built (src/search/searchable.ts) and on
// the reader's query (search.js): so a reader finds «مقام‌های» typing
// «مقامهاي» on an Arabic keyboard, or ۱۴ typing 14.
//
// Arabic yeh (ي, and alef maksura ى) and kaf (ك) become the Persian ی and ک;
// the zero-width non-joiner and the tatweel (a stretching stroke) go, as do
// short-vowel marks, which most text leaves out; Eastern Arabic and Persian
// digits become 0-9. Only those characters change: other text is left alone.
const LETTERS = { "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9" };

/** `text` as the search index stores it and the query asks for it. */
export function searchText(text) {
  return text
    .replace(/[\u064a\u0649\u0643]/g, (ch) => LETTERS[ch])
    .replace(/[\u200c\u0640\u064b-\u065f\u0670]/g, "")
    .replace(/[\u0660-\u0669]/g, (ch) => String(ch.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (ch) => String(ch.charCodeAt(0) - 0x06f0));
}
