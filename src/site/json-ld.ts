/**
 * JSON for a `<script type="application/ld+json">` block. JSON.stringify
 * alone is not enough inside HTML: a headline containing `</script>` would
 * close the element. Escape `<`, `>` and `&` as JSON unicode escapes (the
 * parsed value is unchanged), and the two line separators JavaScript
 * parsers once choked on.
 */
export function scriptJson(value: unknown): string {
  // One pass: a replace per character was five passes over every page's JSON-LD.
  return JSON.stringify(value).replace(UNSAFE, (c) => ESCAPES[c] as string);
}

const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };
