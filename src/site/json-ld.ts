/**
 * JSON for a `<script type="application/ld+json">` block. JSON.stringify
 * alone is not enough inside HTML: a headline containing `</script>` would
 * close the element. Escape `<`, `>` and `&` as JSON unicode escapes (the
 * parsed value is unchanged), and the two line separators JavaScript
 * parsers once choked on.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
