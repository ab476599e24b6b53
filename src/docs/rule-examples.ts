import type { RuleArgs, RuleId } from "../diagnostics/catalogue.ts";

/**
 * One realistic case of every rule, for the README's table of what each error
 * means. Typed as a record over every rule id, so adding a rule to the
 * catalogue fails `tsc` until it has an example here, and the table cannot miss it.
 */
export const RULE_EXAMPLES: { readonly [R in RuleId]: RuleArgs<R> } = {
  "file-encoding": { offset: 212 },
  "file-empty": {},
  "file-nesting": { relative: "national/2026/floods.md" },
  "front-matter-missing": {},
  "front-matter-unclosed": {},
  "front-matter-language": { language: "js" },
  "yaml-syntax": { reason: "Nested mappings are not allowed in compact mappings" },
  "yaml-tag": { field: "title", tag: "!!js/function" },
  "control-character": { where: "`title`", characters: ["\\u001b"] },
  "yaml-not-mapping": {},
  "field-required": { field: "date" },
  "field-type": { field: "tags", expected: "a list", received: 'the text "floods"' },
  "field-invalid": { field: "canonical_url", problem: "must be a full web address starting with `https://` or `http://`" },
  "field-unknown": { field: "tgas", suggestion: "tags" },
  "field-conflict": { fields: "`author` and `authors`" },
  "date-invalid": { field: "date", value: "2024-02-30T10:00:00+04:30", problem: "there is no 30 February 2024" },
  "date-no-offset": { field: "date", zone: "Asia/Kabul" },
  "slug-invalid": { slug: "Floods Hit Baghlan", proposal: "floods-hit-baghlan" },
  "slug-duplicate": { slug: "floods-hit-baghlan", other: "content/world/floods-hit-baghlan.md" },
  "section-missing": {},
  "section-unknown": { section: "nationl", suggestion: "national" },
  "section-mismatch": { field: "World", folder: "national" },
  "check-also-unresolved": { slug: "aid-reaches-baghlann", suggestion: "aid-reaches-baghlan" },
  "check-also-self": { slug: "floods-hit-baghlan" },
  "check-also-unpublished": { slug: "aid-reaches-baghlan", state: "a draft" },
  "body-raw-html": { snippet: '<div class="box">' },
  "body-unsafe-link": { url: "javascript:alert(1)" },
  "embed-host": { host: "maps.example.com" },
  "body-too-deep": { limit: 64 },
  "section-no-address": { section: "../..", slug: "" },
  "section-reserved": { section: "Tags", slug: "tags" },
  "body-too-large": { length: 25_000_000, limit: 2_000_000 },
  "image-missing": { src: "convoy.jpg" },
  "image-unreadable": { src: "convoy.jpg", reason: "it is not a picture file (unsupported file type)" },
  "image-alt-missing": { src: "convoy.jpg" },
};
