/**
 * `npm run new -- --section <section> "<Headline>"`: start an article with
 * front matter that already passes `npm run check`, so an editor begins from
 * a file the build accepts and only has to fill in the blanks.
 */
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { toIso, zoneOffset } from "../content/dates.ts";
import { findArticleFiles } from "../content/find-files.ts";
import { sectionAddress } from "../content/section-address.ts";
import type { SiteConfig } from "../content/site-config.ts";
import { isSlug, slugify } from "../content/slug.ts";
import { didYouMean } from "../diagnostics/did-you-mean.ts";
import { UsageError } from "../io/usage-error.ts";

/** Read before `git config user.name`, for shared machines and CI. */
export const AUTHOR_VARIABLE = "NEWSROOM_AUTHOR";

/** Long headlines make long addresses; cut at a word boundary past this many characters. */
const MAX_SLUG_LENGTH = 80;

export interface NewArticle {
  readonly headline: string;
  /** The section as typed: a slug or a title (`national`, `National`). */
  readonly section: string;
  /** An explicit slug, instead of one made from the headline. */
  readonly slug: string | undefined;
  readonly contentDir: string;
  readonly config: SiteConfig;
  /** Epoch ms of "now": the article's date. */
  readonly now: number;
  readonly author: string | undefined;
}

export interface Created {
  /** The file written, relative to the working directory when inside it. */
  readonly file: string;
  /** Things the editor should know: an author without a bio, a missing byline. */
  readonly notes: readonly string[];
}

/**
 * The section's folder name. With sections listed in site.yaml, the section
 * must be one of them (a typo would otherwise publish a one-article section);
 * a site that lists none takes its sections from the folders, so any name goes.
 */
export function sectionSlug(section: string, config: SiteConfig): string {
  // The section's address (sections.ts), which also fits a folder name.
  const { slug, problem } = sectionAddress(section);
  if (problem === "section-no-address") throw new UsageError(`--section: \`${section}\` has no letters or digits to name a folder.`);
  if (config.sections.length === 0 || config.sections.some((s) => s.slug === slug)) return slug;
  const guess = didYouMean(
    section,
    config.sections.flatMap((s) => [s.slug, s.title]),
  );
  const match = config.sections.find((s) => s.slug === guess || s.title === guess);
  const listed = config.sections.map((s) => `\`${s.slug}\``).join(", ");
  throw new UsageError(
    `--section: \`${section}\` is not a section of the site config.` +
      `${match === undefined ? "" : ` Did you mean \`${match.slug}\`?`} The sections are ${listed}; ` +
      "add a new one under `sections:` in site.yaml first.",
    { showUsage: false },
  );
}

/** The headline's slug, cut after a whole word so addresses stay readable. */
export function headlineSlug(headline: string): string {
  const slug = slugify(headline);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf("-", MAX_SLUG_LENGTH);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
}

function chooseSlug(headline: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    if (!isSlug(explicit)) {
      throw new UsageError(`--slug: \`${explicit}\` is not a slug; use lowercase words joined by hyphens, e.g. \`${slugify(explicit) || "my-article"}\`.`);
    }
    return explicit;
  }
  const slug = headlineSlug(headline);
  if (slug === "") throw new UsageError("the headline has no letters or digits to make the file name from; give one with --slug <slug>.");
  return slug;
}

/** One `field: value` line, quoted by the YAML library whenever the value needs it. */
const field = (name: string, value: string): string => stringify({ [name]: value }, { lineWidth: 0 });

/**
 * The new file's text. The date is now, written in the site's time zone to
 * the minute (so a build in the same minute already publishes it). Optional
 * fields an editor usually fills are there as comments: a forgotten
 * placeholder must never reach the published page.
 */
export function articleText(input: {
  readonly title: string;
  readonly now: number;
  readonly zone: string;
  readonly outlet: string;
  readonly author: string | undefined;
}): string {
  const epoch = Math.floor(input.now / 60_000) * 60_000;
  const date = toIso({ epoch, offset: zoneOffset(input.zone, epoch) });
  return [
    "---",
    field("title", input.title).trimEnd(),
    `date: ${date}`,
    "# The city the story is filed from, in capitals: remove the `# ` below and fill it in.",
    "# dateline: CITY",
    field("outlet", input.outlet).trimEnd(),
    input.author === undefined ? "# author: Your Name" : field("author", input.author).trimEnd(),
    "# tags: [first topic, second topic]",
    "# summary: One sentence for lists, feeds and search engines.",
    "---",
    "",
  ].join("\n");
}

/** The byline: `NEWSROOM_AUTHOR`, else the committer's name from git, else none. */
export function authorFromEnvironment(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const fromEnv = env[AUTHOR_VARIABLE]?.trim();
  if (fromEnv) return fromEnv;
  const git = spawnSync("git", ["config", "user.name"], { cwd, encoding: "utf8" });
  const name = git.status === 0 ? git.stdout.trim() : "";
  return name === "" ? undefined : name;
}

const shown = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
};

/** Write the article; refuse when any article already has its slug (slugs are addresses, site-wide). */
export async function createArticle(input: NewArticle): Promise<Created> {
  const section = sectionSlug(input.section, input.config);
  const slug = chooseSlug(input.headline, input.slug);
  const { articles } = await findArticleFiles(input.contentDir, input.contentDir);
  const taken = articles.find((a) => a.name.normalize("NFC").toLowerCase() === slug);
  if (taken !== undefined) {
    throw new UsageError(
      `\`${taken.display}\` already has the slug \`${slug}\`; nothing was written. Open that file to edit it, or choose another address with --slug <slug>.`,
      { showUsage: false },
    );
  }
  const file = path.join(input.contentDir, section, `${slug}.md`);
  await mkdir(path.dirname(file), { recursive: true });
  const text = articleText({
    title: input.headline.trim(),
    now: input.now,
    zone: input.config.timezone,
    outlet: input.config.outlet,
    author: input.author,
  });
  try {
    // `wx`: never replace a file that appeared since the check above.
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new UsageError(`\`${shown(file)}\` already exists; nothing was written. Choose another address with --slug <slug>.`, {
      showUsage: false,
      cause: error,
    });
  }
  const notes: string[] = [];
  if (input.author === undefined) {
    notes.push(`No author: set ${AUTHOR_VARIABLE} or \`git config user.name\`, or fill in the \`author:\` line.`);
  } else if (input.config.authors.length > 0 && !input.config.authors.some((a) => a.name.toLowerCase() === input.author?.toLowerCase())) {
    notes.push(`\`${input.author}\` is not among the authors in the site config: add them there for an author box with a bio.`);
  }
  return { file: shown(file), notes };
}
