import { z } from "zod";
import { pictureAddressProblem, webAddressProblem } from "../text/web-address.ts";
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

/** For editors' tools (JSON Schema): the form we ask for; without an offset is only a warning. */
const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$";

function dateField(zone: string) {
  return z
    .string()
    .meta({ pattern: DATE_PATTERN, examples: ["2026-09-26T09:00:00+04:30"] })
    .transform((value, ctx): Moment => {
      const parsed = parseDate(value, zone);
      if (!parsed.ok) {
        const params: IssueParams = { rule: "date-invalid", problem: parsed.problem };
        ctx.addIssue({ code: "custom", message: parsed.problem, params, input: value });
        return z.NEVER;
      }
      return parsed.moment;
    });
}

/** A full `http(s)://` address with a host and no credentials (web-address.ts). */
const httpUrl = z.string().superRefine((value, ctx) => {
  const problem = webAddressProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } satisfies IssueParams });
});

/** Same-site pictures sit beside the article (`photo.jpg`) or under /; others are web addresses. */
const imageSrc = z.string().superRefine((value, ctx) => {
  const problem = pictureAddressProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } satisfies IssueParams });
});

export const checkAlsoLink = z.strictObject({ title: text, url: httpUrl });

function correctionSchema(zone: string) {
  return z.strictObject({
    date: dateField(zone).describe("When the correction was made, same form as `date`."),
    text: text.describe("What was wrong and what is right, in one or two sentences."),
  });
}

export const imageSchema = z.strictObject({
  src: imageSrc,
  // Missing is a warning (image-alt-missing), reported where the picture is written; `alt: ""` marks a decorative picture.
  alt: z.string().trim().optional(),
  caption: text.optional(),
  /** Who is credited under the picture, e.g. `Photo: Farid Ahmadi / AT News`. */
  credit: text.optional(),
  // Kept in the published files (XMP) and in structured data; camera and GPS data never are.
  /** Who took or made it. */
  creator: text.optional(),
  /** Its copyright notice, e.g. `© 2026 AT News`. */
  copyright: text.optional(),
  /** The address of its licence, e.g. a Creative Commons deed. */
  license: httpUrl.optional(),
  /** Where a reader can license it. */
  acquire_license_page: httpUrl.optional(),
});

/** The strip holds one line on a phone. */
export const BREAKING_LENGTH = 120;
const BREAKING_TOO_LONG: IssueParams = {
  rule: "field-invalid",
  problem: `is longer than ${BREAKING_LENGTH} characters: the strip holds one short line, so say it in a few words (or write \`breaking: true\` for the headline)`,
};
/** Where an editor may place an article on a front page (src/site/fronts.ts). */
export const FRONT_PLACES = ["lead", "featured"] as const;
export type FrontPlace = (typeof FRONT_PLACES)[number];

/** `front: lead`, `section_front: featured`: anything else is refused at its value, with a did-you-mean (validate.ts). */
const frontPlace = () => z.enum(FRONT_PLACES);

const EXPIRES_LEAVE: IssueParams = { rule: "field-invalid", problem: "must be `notice` (a short 'no longer available' page) or `nothing`" };

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

/**
 * The schema for articles written in `zone`, made once per zone: zod
 * compiles a schema the first time it checks a value with it, which made a
 * large share of an article's parse (with the garbage it left) when each
 * article had its own (docs/performance.md).
 */
export function frontMatterSchema(zone: string): FrontMatterSchema {
  let schema = schemas.get(zone);
  if (schema === undefined) {
    schema = makeFrontMatterSchema(zone);
    schemas.set(zone, schema);
  }
  return schema;
}

const schemas = new Map<string, FrontMatterSchema>();

function makeFrontMatterSchema(zone: string) {
  return z.strictObject({
    title: text
      // Spaces are refused by `text`; a headline of only invisible or direction marks would print blank.
      .refine((value) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(value), {
        params: { rule: "field-invalid", problem: "has no letter, digit or sign a reader can see: write the headline in words" } satisfies IssueParams,
      })
      .describe("The headline, plain text."),
    date: dateField(zone).describe(
      "Publication time, ISO 8601 with the offset it was written in: 2026-09-26T09:00:00+04:30. Shown in that local time; later than the build, the article waits.",
    ),
    updated: dateField(zone).optional().describe("Time of the last substantial update, same form as `date`."),
    outlet: text.optional().describe("The publishing outlet under the headline (e.g. AT News); defaults to the site's outlet."),
    dateline: text.optional().describe("City that opens the first paragraph, e.g. KABUL."),
    section: text.optional().describe("Section, matched to site.yaml by slug; required unless the file sits in a section folder."),
    tags: z.array(text).optional().describe("Topics, as a list of text."),
    author: text.optional().describe("The author's name (or use `authors` for several)."),
    authors: z.array(text).min(1).optional().describe("Several authors' names."),
    summary: text.optional().describe("One-line summary; otherwise the first paragraph, trimmed."),
    check_also: z
      .array(z.union([text.describe("Another article's slug (its file name without .md)."), checkAlsoLink]))
      .optional()
      .describe("The Check Also box: other articles by slug, or { title, url } links."),
    image: imageSchema.optional().describe("The article's main picture."),
    lang: z
      .string()
      .refine((value) => LANGUAGE_TAG.test(value), {
        params: { rule: "field-invalid", problem: "must be a language tag such as `en`, `ps` or `fa-AF`" } satisfies IssueParams,
      })
      .optional()
      .describe("Language tag when not the site's language, e.g. ps or fa-AF (set right to left)."),
    draft: z.boolean().optional().describe("true keeps the article unpublished."),
    canonical_url: httpUrl.optional().describe("For wire copy: the address of the original; the page's canonical link points there."),
    corrections: z
      .array(correctionSchema(zone))
      .optional()
      .describe("Corrections, each { date, text }: shown at the end of the article and on the corrections page."),
    // Live coverage, the breaking strip and take-downs: docs/editors.md; checked across fields in timely-checks.ts.
    live: z.boolean().optional().describe("true makes a live page: each update under a `## 14:05` heading, newest first."),
    live_until: dateField(zone).optional().describe("When live coverage ends, same form as `date`: the Live label goes then."),
    breaking: z
      .union([z.boolean(), text.refine((value) => [...value].length <= BREAKING_LENGTH, { params: BREAKING_TOO_LONG })])
      .optional()
      .describe("A breaking-news strip on every page, linking this article: its short text, or true for the headline."),
    breaking_until: dateField(zone).optional().describe("When the breaking strip goes, same form as `date`; 3 hours after `updated` or `date` if not given."),
    expires: dateField(zone).optional().describe("When the article is taken down everywhere, same form as `date`."),
    expires_leave: z
      .string()
      .refine((value) => value === "notice" || value === "nothing", { params: EXPIRES_LEAVE })
      .transform((value) => value as "notice" | "nothing")
      .optional()
      .describe("What stays at the address once it has expired: `notice` (a short 'no longer available' page, the default) or `nothing`."),
    // The fronts an editor shapes: src/site/fronts.ts, docs/editors.md "Shaping the fronts".
    front: frontPlace()
      .optional()
      .describe("Place on the front page: `lead` (the top story) or `featured` (the row under it); otherwise the newest stories are shown."),
    section_front: frontPlace().optional().describe("Place on its section's front, as `front` does on the front page: `lead` or `featured`."),
    pin_until: dateField(zone)
      .optional()
      .describe("When `front` and `section_front` end, same form as `date`: the story then falls back into the usual order; held until removed if not given."),
  });
}

export type FrontMatterSchema = ReturnType<typeof makeFrontMatterSchema>;
export type FrontMatter = z.output<FrontMatterSchema>;
export type CheckAlsoLink = z.output<typeof checkAlsoLink>;
export type Image = z.output<typeof imageSchema>;

/** The field names, for "did you mean" on unknown fields. */
export const FRONT_MATTER_FIELDS: readonly string[] = Object.keys(frontMatterSchema("UTC").shape);
export const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  image: Object.keys(imageSchema.shape),
  check_also: Object.keys(checkAlsoLink.shape),
  corrections: Object.keys(correctionSchema("UTC").shape),
};
