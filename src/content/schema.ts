import { z } from "zod";
import { type Moment, parseDate } from "./dates.ts";

/**
 * The article's front matter: one zod schema that is both the validator and,
 * through `z.output`, the type the rest of the pipeline reads. It is built per
 * site because a date written without an offset is read in the site's zone.
 */

/** Marks a custom issue with the catalogue rule that should report it. */
export interface IssueParams {
  readonly rule: "date-invalid" | "field-invalid";
  readonly problem: string;
}

const text = z.string().trim().min(1);

function dateField(zone: string) {
  return z.string().transform((value, ctx): Moment => {
    const parsed = parseDate(value, zone);
    if (!parsed.ok) {
      const params: IssueParams = { rule: "date-invalid", problem: parsed.problem };
      ctx.addIssue({ code: "custom", message: parsed.problem, params, input: value });
      return z.NEVER;
    }
    return parsed.moment;
  });
}

const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  },
  { params: { rule: "field-invalid", problem: "must be a full web address starting with `https://` or `http://`" } satisfies IssueParams },
);

/** Same-site pictures sit beside the article (`photo.jpg`) or under /; others are web addresses. */
const imageSrc = z.string().refine((value) => /^https?:\/\//.test(value) || !/^[a-z][a-z0-9+.-]*:|^\/\/|(^|\/)\.\.(\/|$)/i.test(value), {
  params: {
    rule: "field-invalid",
    problem: "must be a file beside the article (`photo.jpg`), a path under the site (`/images/photo.jpg`) or an `https://` address",
  } satisfies IssueParams,
});

export const checkAlsoLink = z.strictObject({ title: text, url: httpUrl });

export const imageSchema = z.strictObject({
  src: imageSrc,
  alt: z.string().trim(),
  caption: text.optional(),
  credit: text.optional(),
});

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

export function frontMatterSchema(zone: string) {
  return z.strictObject({
    title: text,
    date: dateField(zone),
    updated: dateField(zone).optional(),
    outlet: text.optional(),
    dateline: text.optional(),
    section: text.optional(),
    tags: z.array(text).optional(),
    author: text.optional(),
    authors: z.array(text).min(1).optional(),
    summary: text.optional(),
    check_also: z.array(z.union([text, checkAlsoLink])).optional(),
    image: imageSchema.optional(),
    lang: z
      .string()
      .refine((value) => LANGUAGE_TAG.test(value), {
        params: { rule: "field-invalid", problem: "must be a language tag such as `en`, `ps` or `fa-AF`" } satisfies IssueParams,
      })
      .optional(),
    draft: z.boolean().optional(),
  });
}

export type FrontMatterSchema = ReturnType<typeof frontMatterSchema>;
export type FrontMatter = z.output<FrontMatterSchema>;
export type CheckAlsoLink = z.output<typeof checkAlsoLink>;
export type Image = z.output<typeof imageSchema>;

/** The field names, for "did you mean" on unknown fields. */
export const FRONT_MATTER_FIELDS: readonly string[] = Object.keys(frontMatterSchema("UTC").shape);
export const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  image: Object.keys(imageSchema.shape),
  check_also: Object.keys(checkAlsoLink.shape),
};
