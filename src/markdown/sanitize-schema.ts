import { defaultSchema, type Schema } from "hast-util-sanitize";

/**
 * GitHub's allow-list (hast-util-sanitize's default), plus the few classes
 * our own transforms emit. Raw HTML in a body never reaches this point:
 * remark-html drops it when sanitizing.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // The default prefixes footnote ids twice, which breaks footnote links.
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    span: [["className", "dateline"]],
    td: [["className", "align-left", "align-center", "align-right"]],
    th: [["className", "align-left", "align-center", "align-right"]],
  },
};
