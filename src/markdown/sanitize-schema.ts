import { defaultSchema, type Schema } from "hast-util-sanitize";

/**
 * GitHub's allow-list (hast-util-sanitize's default), plus the few classes
 * and elements our own transforms emit. Raw HTML in a body never reaches
 * this point: remark-raw-html removes it (and remark-html would drop it).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // The default prefixes footnote ids twice, which breaks footnote links.
  clobberPrefix: "",
  // Embeds: only remark-raw-html creates these, for hosts the site allows.
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption", "iframe", "article", "time"],
  attributes: {
    // remark-live-updates: each update of a live article (its `id` and the `<time>`'s `dateTime` are allowed on every element).
    article: [["className", "live-update"]],
    figure: [["className", "embed", "body-image"]],
    iframe: ["src", "title", "width", "height", "loading", "allowFullScreen", "referrerPolicy", "sandbox"],
    ...defaultSchema.attributes,
    // remark-dateline; `dir="auto"` isolates the editor's dateline from the sentence after it.
    span: [
      ["className", "dateline"],
      ["dir", "auto"],
    ],
    // remark-images: the place of a picture beside the article (replaced by a <picture> later), lazy loading for others.
    img: [...(defaultSchema.attributes?.img ?? []), "dataLine", "dataColumn", ["loading", "lazy"], ["decoding", "async"]],
    td: [["className", "align-left", "align-center", "align-right"]],
    th: [["className", "align-left", "align-center", "align-right"]],
  },
};
