/**
 * Slugs are the articles' and sections' addresses. Lowercase letters (any
 * script, so a Pashto file name is fine), digits and single hyphens; NFC, so
 * two spellings of the same name are one slug.
 */
const SLUG = /^[\p{Ll}\p{Lo}\p{Nd}\p{Mn}\p{Mc}]+(?:-[\p{Ll}\p{Lo}\p{Nd}\p{Mn}\p{Mc}]+)*$/u;
/** Characters that display as nothing (Hangul fillers, joiners, variation selectors): an address must be readable. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

export function isSlug(value: string): boolean {
  return value === value.normalize("NFC") && SLUG.test(value) && !value.match(INVISIBLE);
}

/** `Trade & Transit!` → `trade-transit`; `Économie` → `economie`; `Baghlan's` → `baghlans`. */
export function slugify(value: string): string {
  return (
    value
      .replace(INVISIBLE, "")
      // An apostrophe joins a word, it does not split it.
      .replace(/(?<=\p{L})['’](?=\p{L})/gu, "")
      .normalize("NFKD")
      // Drop Latin diacritics only: marks in other scripts are part of the letter.
      .replace(/(?<=[a-zA-Z])[\u0300-\u036f]+/g, "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
  );
}
