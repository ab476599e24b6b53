import { readFile } from "node:fs/promises";
import { z } from "zod";
import { isTimeZone } from "../content/dates.ts";
import { slugify } from "../content/slug.ts";
import { diagnoseIssues } from "../content/validate.ts";
import { pictureAddressProblem, webAddressProblem } from "../content/web-address.ts";
import { parseYaml } from "../content/yaml.ts";
import { droppedCharacterDiagnostics, yamlErrorDiagnostics } from "../content/yaml-diagnostics.ts";
import { diagnose, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { DEFAULT_RELATE_CONFIG, type RelateConfig } from "../relate/config.ts";
import { sectionAddressProblem } from "./sections.ts";

/**
 * Site facts, from one YAML file (`site.yaml` beside the content folder, or
 * `--site <file>`). Everything has a default, so a folder of nothing but
 * articles builds on its own. YAML rather than a `.ts` config: it is edited
 * by editors too, and nothing in content is ever run.
 */
const text = z.string().trim().min(1);

const sectionEntry = z.union([
  text,
  z.strictObject({ title: text, slug: text.optional(), description: text.optional() }),
]);

const weight = z.number().min(0).max(100);

const authorEntry = z.strictObject({
  name: text,
  role: text.optional(),
  bio: text.optional(),
});

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
  timezone: text
    .refine(isTimeZone, {
      params: { rule: "field-invalid", problem: "must be an IANA time zone such as `Asia/Kabul` or `UTC`" },
    })
    .default("UTC"),
  outlet: text.optional(),
  logo: text
    .superRefine((value, ctx) => {
      const problem = pictureAddressProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem, params: { rule: "field-invalid", problem } });
    })
    .default("/logo.svg"),
  sections: z.array(sectionEntry).default([]),
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
      text: weight.optional(),
      section: weight.optional(),
      recency: weight.optional(),
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
  home: z.strictObject({ per_section: z.number().int().min(1).max(20).default(4) }).default({ per_section: 4 }),
  page_size: z.number().int().min(1).max(500).default(20),
  feeds: z
    .strictObject({
      items: z.number().int().min(1).max(1000).default(50),
      full_content: z.boolean().default(true),
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
}

/** The site config with defaults applied and shorthands expanded. */
export interface SiteConfig {
  readonly name: string;
  /** Base URL without a trailing slash. */
  readonly url: string;
  readonly description: string | undefined;
  readonly language: string;
  readonly timezone: string;
  readonly outlet: string;
  /** The publisher's logo, for structured data: a path under the site or a full URL. */
  readonly logo: string;
  readonly sections: readonly SectionConfig[];
  readonly authors: readonly AuthorConfig[];
  /** Hosts whose `<iframe>` embeds articles may use. None by default. */
  readonly embeds: readonly string[];
  readonly related: RelateConfig;
  readonly homePerSection: number;
  /** Articles per page of a list (section, tag, author, outlet, archive). */
  readonly pageSize: number;
  /** Items per feed, and whether feeds carry the whole article or its summary. */
  readonly feedItems: number;
  readonly feedFullContent: boolean;
}

export function normalizeSiteConfig(raw: z.output<typeof siteConfigSchema>): SiteConfig {
  return {
    name: raw.name,
    url: raw.url.replace(/\/+$/, ""),
    description: raw.description,
    language: raw.language,
    timezone: raw.timezone,
    outlet: raw.outlet ?? raw.name,
    logo: raw.logo,
    sections: raw.sections.map((entry) =>
      typeof entry === "string"
        ? { slug: slugify(entry), title: entry, description: undefined }
        : { slug: slugify(entry.slug ?? entry.title), title: entry.title, description: entry.description },
    ),
    authors: raw.authors.map((a) => ({ name: a.name, role: a.role, bio: a.bio })),
    embeds: raw.embeds,
    related: relateConfig(raw.related),
    homePerSection: raw.home.per_section,
    pageSize: raw.page_size,
    feedItems: raw.feeds.items,
    feedFullContent: raw.feeds.full_content,
  };
}

/** site.yaml's `related:` (snake_case, every field optional) over the engine's documented defaults. */
function relateConfig(raw: z.output<typeof siteConfigSchema>["related"]): RelateConfig {
  const d = DEFAULT_RELATE_CONFIG;
  return {
    count: raw.count ?? d.count,
    autoCheckAlso: raw.auto_check_also ?? d.autoCheckAlso,
    tags: raw.tags ?? d.tags,
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
  const source = await readFile(file, "utf8");
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
    const diagnostics = dropped.concat(diagnoseIssues(result.error.issues, {
      raw,
      yaml,
      file: displayPath,
      fieldsAt: (path) => (path.length === 0 ? Object.keys(siteConfigSchema.shape) : []),
    }));
    return { config: DEFAULT_SITE_CONFIG, diagnostics, source };
  }
  const config = normalizeSiteConfig(result.data);
  const diagnostics = dropped.concat(config.sections.flatMap((section, i) => {
    const problem = sectionAddressProblem(section.slug);
    return problem === undefined ? [] : [diagnose(problem, displayPath, yaml.positionOf(["sections", i]), { section: section.title, slug: section.slug })];
  }));
  return { config, diagnostics, source };
}
