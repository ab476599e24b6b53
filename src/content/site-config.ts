import { readFile } from "node:fs/promises";
import { z } from "zod";
import { type Diagnostic, diagnose } from "../diagnostics/diagnostic.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { DEFAULT_RELATE_CONFIG, type RelateConfig } from "../relate/config.ts";
import { ogLocale } from "../text/display.ts";
import { pictureAddressProblem, webAddressProblem } from "../text/web-address.ts";
import { addressOf } from "./address.ts";
import { isTimeZone } from "./dates.ts";
import { sectionAddress } from "./section-address.ts";
import { diagnoseIssues } from "./validate.ts";
import { parseYaml } from "./yaml.ts";
import { droppedCharacterDiagnostics, yamlErrorDiagnostics } from "./yaml-diagnostics.ts";

/**
 * Site facts, from one YAML file (`site.yaml` beside the content folder, or
 * `--site <file>`). Everything has a default, so a folder of nothing but
 * articles builds on its own. YAML rather than a `.ts` config: it is edited
 * by editors too, and nothing in content is ever run.
 */
const text = z.string().trim().min(1);

const sectionEntry = z.union([text, z.strictObject({ title: text, slug: text.optional(), description: text.optional() })]);

/**
 * The masthead lists the sections named in `navigation`, else the first
 * `NAVIGATION_DEFAULT` of `sections`; every section is on `/sections/`,
 * which the masthead links to. Every page carries the masthead, so a site of
 * 1,000 sections listed on each would grow as sections × pages.
 */
export const NAVIGATION_DEFAULT = 12;
export const NAVIGATION_MAX = 30;

const weight = z.number().min(0).max(100);

const authorEntry = z.strictObject({
  name: text,
  role: text.optional(),
  bio: text.optional(),
  /** The author's pages elsewhere (a staff page, a social profile): structured data's `sameAs`. */
  profiles: z
    .array(
      text.refine((v) => /^https:\/\/[^/@\s]+(\/\S*)?$/i.test(v), {
        params: { rule: "field-invalid", problem: "must be a full `https://` address of the author's page elsewhere" },
      }),
    )
    .optional(),
});

/** A page of the site (`/about/corrections/`) or a full `https://` address elsewhere. */
const pageAddress = text.superRefine((value, ctx) => {
  const problem =
    value.startsWith("/") && !value.startsWith("//")
      ? /[\s\\]/.test(value)
        ? "must be a path without spaces or backslashes, e.g. `/about/corrections/`"
        : undefined
      : /^[a-z][a-z0-9+.-]*:/i.test(value)
        ? webAddressProblem(value)
        : "must be a page of the site (`/about/corrections/`) or a full `https://` address";
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } });
});

/**
 * The Trust Project's indicators, as site.yaml names them and as schema.org
 * properties of the publisher: each the address of a page the newsroom
 * publishes about how it works.
 */
export const TRUST_POLICIES = {
  corrections_policy: "correctionsPolicy",
  ethics_policy: "ethicsPolicy",
  masthead: "masthead",
  fact_checking_policy: "verificationFactCheckingPolicy",
  ownership_funding: "ownershipFundingInfo",
  diversity_policy: "diversityPolicy",
  feedback_policy: "actionableFeedbackPolicy",
  unnamed_sources_policy: "unnamedSourcesPolicy",
  mission_coverage_priorities: "missionCoveragePrioritiesPolicy",
  no_bylines_policy: "noBylinesPolicy",
} as const;
export type TrustPolicy = (typeof TRUST_POLICIES)[keyof typeof TRUST_POLICIES];

export const siteConfigSchema = z.strictObject({
  name: text.default("News"),
  url: z
    .string()
    .superRefine((value, ctx) => {
      const problem = webAddressProblem(value);
      if (problem === undefined) return;
      const said = problem.startsWith("must be a full") ? "must be the site's full address, e.g. `https://news.example.org/`" : problem;
      ctx.addIssue({ code: "custom", message: said, params: { rule: "field-invalid", problem: said } });
    })
    .default("http://localhost:8080/"),
  description: text.optional(),
  language: text.default("en"),
  /** OpenGraph's `og:locale` for the site's language, as language_TERRITORY; made from `language` when absent. */
  locale: text
    .refine((v) => /^[a-z]{2,3}_[A-Z]{2}$/.test(v), {
      params: { rule: "field-invalid", problem: "must be a language and territory such as `en_US`, `en_GB` or `fa_AF`" },
    })
    .optional(),
  timezone: text
    .refine(isTimeZone, {
      params: { rule: "field-invalid", problem: "must be an IANA time zone such as `Asia/Kabul` or `UTC`" },
    })
    .default("UTC"),
  /** How pages name the time zone, e.g. `Kabul time`: "16:45 Kabul time" rather than "16:45 UTC+04:30". */
  timezone_label: text.optional(),
  outlet: text.optional(),
  logo: text
    .superRefine((value, ctx) => {
      const problem = pictureAddressProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } });
    })
    .default("/logo.svg"),
  /** The picture a page shares when it has none of its own (`og:image`): a file under public/ or a full address. */
  image: z
    .strictObject({
      src: text.superRefine((value, ctx) => {
        const problem =
          value.startsWith("/") || /^https?:/i.test(value)
            ? pictureAddressProblem(value)
            : "must be a path under the site (`/share.jpg`, a file in public/) or an `https://` address";
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } });
      }),
      alt: text,
    })
    .optional(),
  /** The newsroom as a publisher: its policy pages (the Trust Project's indicators) and its pages elsewhere. */
  publisher: z
    .strictObject({
      ...(Object.fromEntries(Object.keys(TRUST_POLICIES).map((key) => [key, pageAddress.optional()])) as Record<
        keyof typeof TRUST_POLICIES,
        z.ZodOptional<typeof pageAddress>
      >),
      same_as: z.array(pageAddress).optional(),
    })
    .optional(),
  sections: z.array(sectionEntry).default([]),
  navigation: z.array(text).max(NAVIGATION_MAX).optional(),
  authors: z.array(authorEntry).default([]),
  embeds: z
    .array(
      text.refine((v) => /^[a-z0-9.-]+$/.test(v), {
        params: { rule: "field-invalid", problem: "must be a host name such as `www.youtube-nocookie.com`" },
      }),
    )
    .default([]),
  related: z
    .strictObject({
      count: z.number().int().min(0).max(20).optional(),
      auto_check_also: z.boolean().optional(),
      tags: weight.optional(),
      tags_across_languages: weight.optional(),
      text: weight.optional(),
      section: weight.optional(),
      recency: z.number().min(0).max(1).optional(),
      half_life_days: z.number().positive().optional(),
      outlet: weight.optional(),
      max_tag_share: z.number().gt(0).max(1).optional(),
      duplicate_similarity: z.number().gt(0).max(1).optional(),
      min_score: z.number().min(0).optional(),
      features_per_article: z.number().int().min(1).max(500).optional(),
      words_per_article: z.number().int().min(10).optional(),
      max_postings: z.number().int().min(10).optional(),
    })
    .default({}),
  home: z
    .strictObject({ per_section: z.number().int().min(1).max(20).default(4), featured: z.number().int().min(0).max(8).default(4) })
    .default({ per_section: 4, featured: 4 }),
  page_size: z.number().int().min(1).max(500).default(20),
  feeds: z
    .strictObject({
      items: z.number().int().min(1).max(1000).default(50),
      full_content: z.boolean().default(true),
      /** A WebSub hub the feeds name, so readers' apps hear of a new article at once. */
      hub: text
        .superRefine((value, ctx) => {
          const problem = webAddressProblem(value);
          if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } });
        })
        .optional(),
    })
    .default({ items: 50, full_content: true }),
});

export interface SectionConfig {
  readonly slug: string;
  readonly title: string;
  readonly description: string | undefined;
}

export interface AuthorConfig {
  readonly name: string;
  readonly role: string | undefined;
  readonly bio: string | undefined;
  readonly profiles: readonly string[];
}

/** The site config with defaults applied and shorthands expanded. */
export interface SiteConfig {
  readonly name: string;
  /** Base URL without a trailing slash. */
  readonly url: string;
  readonly description: string | undefined;
  readonly language: string;
  /** `og:locale` of pages in the site's language, e.g. `en_US`. */
  readonly locale: string;
  readonly timezone: string;
  /** Words for `timezone` on pages (`Kabul time`); undefined: times show their UTC offset. */
  readonly timezoneLabel: string | undefined;
  readonly outlet: string;
  /** The publisher's logo, for structured data: a path under the site or a full URL. */
  readonly logo: string;
  readonly sections: readonly SectionConfig[];
  /** Slugs of the sections the masthead lists, in order; undefined: the first NAVIGATION_DEFAULT sections. */
  readonly navigation: readonly string[] | undefined;
  readonly authors: readonly AuthorConfig[];
  /** Hosts whose `<iframe>` embeds articles may use. None by default. */
  readonly embeds: readonly string[];
  readonly related: RelateConfig;
  readonly homePerSection: number;
  /** Stories in the front page's featured row, under the lead (src/site/fronts.ts). */
  readonly homeFeatured: number;
  /** The picture pages without one of their own share; undefined: they share none. */
  readonly defaultImage: { readonly src: string; readonly alt: string } | undefined;
  /** Articles per page of a list (section, tag, author, outlet, archive). */
  readonly pageSize: number;
  /** Items per feed, and whether feeds carry the whole article or its summary. */
  readonly feedItems: number;
  readonly feedFullContent: boolean;
  /** The WebSub hub every feed names (`rel="hub"`); undefined: none. */
  readonly feedHub: string | undefined;
  /** The publisher's policy pages, by schema.org property, as written (a path or a full address). */
  readonly policies: Readonly<Partial<Record<TrustPolicy, string>>>;
  /** The publisher's pages elsewhere: structured data's `sameAs`. */
  readonly publisherSameAs: readonly string[];
}

export function normalizeSiteConfig(raw: z.output<typeof siteConfigSchema>): SiteConfig {
  const sections = raw.sections.map(
    (entry): SectionConfig =>
      typeof entry === "string"
        ? { slug: sectionAddress(entry).slug, title: entry, description: undefined }
        : { slug: sectionAddress(entry.slug ?? entry.title).slug, title: entry.title, description: entry.description },
  );
  // A section in `navigation` by its slug or its title, as `World` or `world`.
  const navigationSlug = (entry: string): string => {
    const slug = sectionAddress(entry).slug;
    return (sections.find((s) => s.slug === slug) ?? sections.find((s) => sectionAddress(s.title).slug === slug))?.slug ?? slug;
  };
  return {
    name: raw.name,
    url: raw.url.replace(/\/+$/, ""),
    description: raw.description,
    language: raw.language,
    locale: raw.locale ?? ogLocale(raw.language),
    timezone: raw.timezone,
    timezoneLabel: raw.timezone_label,
    outlet: raw.outlet ?? raw.name,
    logo: raw.logo,
    sections,
    navigation: raw.navigation?.map(navigationSlug),
    authors: raw.authors.map((a) => ({ name: a.name, role: a.role, bio: a.bio, profiles: a.profiles ?? [] })),
    embeds: raw.embeds,
    related: relateConfig(raw.related),
    homePerSection: raw.home.per_section,
    homeFeatured: raw.home.featured,
    defaultImage: raw.image,
    pageSize: raw.page_size,
    feedItems: raw.feeds.items,
    feedFullContent: raw.feeds.full_content,
    feedHub: raw.feeds.hub,
    policies: Object.fromEntries(
      Object.entries(TRUST_POLICIES).flatMap(([key, property]) => {
        const value = raw.publisher?.[key as keyof typeof TRUST_POLICIES];
        return value === undefined ? [] : [[property, value]];
      }),
    ),
    publisherSameAs: raw.publisher?.same_as ?? [],
  };
}

/** The fields site.yaml can have at `path` (`[]`, `["publisher"]`, `["authors", 0]`), for did-you-mean. */
function siteFieldsAt(path: readonly PropertyKey[]): readonly string[] {
  const inner = (schema: z.ZodType): z.ZodType => {
    let at = schema;
    while (at instanceof z.ZodOptional || at instanceof z.ZodDefault) at = at.unwrap() as z.ZodType;
    return at;
  };
  let schema = inner(siteConfigSchema);
  for (const segment of path) {
    const next: z.ZodType | undefined =
      schema instanceof z.ZodObject
        ? (schema.shape as Record<string, z.ZodType>)[String(segment)]
        : schema instanceof z.ZodArray
          ? (schema.element as z.ZodType)
          : undefined;
    if (next === undefined) return [];
    schema = inner(next);
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** site.yaml's `related:` (snake_case, every field optional) over the engine's documented defaults. */
function relateConfig(raw: z.output<typeof siteConfigSchema>["related"]): RelateConfig {
  const d = DEFAULT_RELATE_CONFIG;
  return {
    count: raw.count ?? d.count,
    autoCheckAlso: raw.auto_check_also ?? d.autoCheckAlso,
    tags: raw.tags ?? d.tags,
    tagsAcrossLanguages: raw.tags_across_languages ?? d.tagsAcrossLanguages,
    text: raw.text ?? d.text,
    section: raw.section ?? d.section,
    recency: raw.recency ?? d.recency,
    halfLifeDays: raw.half_life_days ?? d.halfLifeDays,
    outlet: raw.outlet ?? d.outlet,
    maxTagShare: raw.max_tag_share ?? d.maxTagShare,
    duplicateSimilarity: raw.duplicate_similarity ?? d.duplicateSimilarity,
    minScore: raw.min_score ?? d.minScore,
    featuresPerArticle: raw.features_per_article ?? d.featuresPerArticle,
    wordsPerArticle: raw.words_per_article ?? d.wordsPerArticle,
    maxPostings: raw.max_postings ?? d.maxPostings,
  };
}

export const DEFAULT_SITE_CONFIG: SiteConfig = normalizeSiteConfig(siteConfigSchema.parse({}));

export interface LoadedSiteConfig {
  readonly config: SiteConfig;
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text, for code frames; undefined when there is no file. */
  readonly source: string | undefined;
}

/** Read and validate the site config. `file` undefined means "none: use defaults". */
export async function loadSiteConfig(file: string | undefined, displayPath = file): Promise<LoadedSiteConfig> {
  if (file === undefined || displayPath === undefined) {
    return { config: DEFAULT_SITE_CONFIG, diagnostics: [], source: undefined };
  }
  const source = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    // A read that fails midway (a device given as the config) names no file: this one.
    error.path ??= file;
    throw error;
  });
  const yaml = parseYaml(source);
  if (yaml.errors.length > 0) {
    return {
      config: DEFAULT_SITE_CONFIG,
      diagnostics: yamlErrorDiagnostics(yaml, displayPath),
      source,
    };
  }
  const raw = yaml.value ?? {};
  const dropped = droppedCharacterDiagnostics(yaml, displayPath);
  const result = siteConfigSchema.safeParse(raw);
  if (!result.success) {
    const diagnostics = dropped.concat(
      diagnoseIssues(result.error.issues, {
        raw,
        yaml,
        file: displayPath,
        fieldsAt: siteFieldsAt,
        reference: "site config",
      }),
    );
    return { config: DEFAULT_SITE_CONFIG, diagnostics, source };
  }
  const config = normalizeSiteConfig(result.data);
  return { config, diagnostics: dropped.concat(sectionProblems(result.data, config, (path) => yaml.positionOf(path), displayPath)), source };
}

/**
 * What is wrong with the configured sections' addresses: none, one the site
 * uses itself, two sections at one address (`World`, `World!`), or a name
 * Windows reserves. And the outlet's, whose page every article links to.
 */
function sectionProblems(
  data: z.output<typeof siteConfigSchema>,
  config: SiteConfig,
  positionOf: (path: readonly PropertyKey[]) => { line: number; column: number },
  file: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, number>();
  // Where a section's address is written: its `slug`, else the entry.
  const addressAt = (i: number) => {
    const entry = data.sections[i];
    return positionOf(typeof entry === "object" && entry.slug !== undefined ? ["sections", i, "slug"] : ["sections", i]);
  };
  data.sections.forEach((entry, i) => {
    const written = typeof entry === "string" ? entry : (entry.slug ?? entry.title);
    const at = addressAt(i);
    const { slug, problem, change } = sectionAddress(written);
    const title = config.sections[i]?.title ?? written;
    if (problem !== undefined) {
      diagnostics.push(diagnose(problem, file, at, { section: title, slug }));
      return;
    }
    if (change === "reserved") diagnostics.push(diagnose("address-reserved", file, at, { field: "section", name: written, address: slug }));
    const earlier = first.get(slug);
    if (earlier === undefined) {
      first.set(slug, i);
      return;
    }
    const other = addressAt(earlier);
    diagnostics.push(
      diagnose("section-duplicate", file, at, { section: title, other: config.sections[earlier]?.title ?? "", slug, line: other.line, column: other.column }),
    );
  });
  (data.navigation ?? []).forEach((entry, i) => {
    const slug = config.navigation?.[i];
    if (first.has(slug ?? "")) return;
    const names = config.sections.flatMap((s) => [s.slug, s.title]);
    const guess = didYouMean(entry, names);
    const suggestion = guess === undefined ? undefined : config.sections.find((s) => s.slug === guess || s.title === guess)?.title;
    diagnostics.push(diagnose("navigation-unknown", file, positionOf(["navigation", i]), { section: entry, suggestion }));
  });
  const outlet = addressOf(config.outlet);
  if (outlet.change === "reserved") {
    const field = data.outlet === undefined ? "name" : "outlet";
    diagnostics.push(diagnose("address-reserved", file, positionOf([field]), { field: "outlet", name: config.outlet, address: outlet.segment }));
  }
  return diagnostics;
}
