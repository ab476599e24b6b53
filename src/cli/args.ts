import path from "node:path";
import { parseArgs } from "node:util";
import { parseDate } from "../content/dates.ts";
import { FORMATS, type Format } from "../diagnostics/reporter.ts";
import { statOf, UsageError } from "../io/usage-error.ts";

export interface CommonOptions {
  readonly contentDir: string;
  /** How diagnostics are printed. */
  readonly format: Format;
  /** The site config file; undefined when there is none (defaults apply). */
  readonly siteFile: string | undefined;
}

export interface BuildOptions extends CommonOptions {
  readonly outDir: string;
  /** Build "as of" this instant (epoch ms): later articles stay scheduled. */
  readonly now: number;
}

export interface DevOptions extends CommonOptions {
  readonly port: number;
  /** Preview as of this instant; undefined: the clock at each rebuild, so scheduled articles appear when due. */
  readonly now: number | undefined;
}

const common = {
  content: { type: "string", default: "content" },
  site: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  format: { type: "string", default: "human" },
} as const;

function formatFrom(value: string): Format {
  const found = FORMATS.find((f) => f === value);
  if (found === undefined) throw new UsageError(`--format: \`${value}\` is not one of ${FORMATS.join(", ")}.`);
  return found;
}

/**
 * The site config: `--site <file>` if given (it must exist), else `site.yaml`
 * beside the content folder if there is one, else none.
 */
const refusal = { showUsage: false } as const;

function siteFileFor(contentDir: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const found = statOf(explicit);
    if (found === undefined) throw new UsageError(`--site: no file \`${explicit}\`.`, refusal);
    if (found.isDirectory())
      throw new UsageError(`--site: \`${explicit}\` is a folder; name the site config file in it, e.g. \`${path.join(explicit, "site.yaml")}\`.`, refusal);
    if (!found.isFile()) throw new UsageError(`--site: \`${explicit}\` is not a regular file (a device, pipe or socket); name a YAML file.`, refusal);
    return explicit;
  }
  const beside = path.join(path.dirname(path.resolve(contentDir)), "site.yaml");
  if (statOf(beside)?.isFile() !== true) return undefined;
  const relative = path.relative(process.cwd(), beside);
  return relative.startsWith("..") ? beside : relative;
}

function contentDirFrom(value: string): string {
  const found = statOf(value);
  if (found === undefined) throw new UsageError(`--content: no folder \`${value}\`.`);
  if (!found.isDirectory()) throw new UsageError(`--content: \`${value}\` is a file, not a folder; name the folder that holds the articles.`, refusal);
  return value;
}

/**
 * `--now`: the moment to build as of. The offset is required: a bare time
 * could mean the site's zone, the machine's or UTC, and a preview an hour off
 * shows the wrong articles without anyone noticing.
 */
export function nowFrom(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const parsed = parseDate(value, "UTC");
  if (!parsed.ok) throw new UsageError(`--now: \`${value}\` is not a date-time: ${parsed.problem}.`);
  if (!parsed.hadOffset) {
    throw new UsageError(`--now: \`${value}\` has no time-zone offset; add one, e.g. \`${value.trim()}+04:30\`, or \`Z\` for UTC.`);
  }
  return parsed.moment.epoch;
}

export function parseBuildArgs(argv: readonly string[]): BuildOptions | "help" {
  const { values } = parse(argv, {
    ...common,
    out: { type: "string", default: "dist" },
    now: { type: "string" },
  });
  if (values.help) return "help";
  const contentDir = contentDirFrom(values.content);
  const now = nowFrom(values.now);
  return { contentDir, format: formatFrom(values.format), siteFile: siteFileFor(contentDir, values.site), outDir: values.out, now };
}

export function parseNotifyArgs(argv: readonly string[]): { readonly outDir: string } | "help" {
  const { values } = parse(argv, { help: common.help, out: { type: "string", default: "dist" } });
  if (values.help) return "help";
  return { outDir: values.out };
}

export interface NewOptions {
  readonly contentDir: string;
  readonly siteFile: string | undefined;
  readonly section: string;
  readonly headline: string;
  readonly slug: string | undefined;
  readonly now: number;
}

export function parseNewArgs(argv: readonly string[]): NewOptions | "help" {
  const { values, positionals } = parse(
    argv,
    {
      content: common.content,
      site: common.site,
      help: common.help,
      section: { type: "string" },
      slug: { type: "string" },
      now: { type: "string" },
    },
    true,
  );
  if (values.help) return "help";
  if (values.section === undefined) throw new UsageError('name the section: `npm run new -- --section <section> "<Headline>"`.');
  // Unquoted words are the headline too: `npm run new -- --section world Talks resume`.
  const headline = positionals.join(" ").trim();
  if (headline === "") throw new UsageError('give the headline: `npm run new -- --section <section> "<Headline>"`.');
  const contentDir = contentDirFrom(values.content);
  return {
    contentDir,
    siteFile: siteFileFor(contentDir, values.site),
    section: values.section,
    headline,
    slug: values.slug,
    now: nowFrom(values.now),
  };
}

export interface RelatedOptions extends BuildOptions {
  readonly slugs: readonly string[];
}

export function parseRelatedArgs(argv: readonly string[]): RelatedOptions | "help" {
  const { values, positionals } = parse(argv, { ...common, now: { type: "string" } }, true);
  if (values.help) return "help";
  if (positionals.length === 0) throw new UsageError("name the article: `npm run related -- <slug>`.");
  const build = parseBuildArgs(argv.filter((a) => !(positionals as string[]).includes(a)));
  if (build === "help") return "help";
  return { ...build, slugs: positionals };
}

export function parseDevArgs(argv: readonly string[]): DevOptions | "help" {
  const { values } = parse(argv, { ...common, port: { type: "string", default: "8080" }, now: { type: "string" } });
  if (values.help) return "help";
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: \`${values.port}\` is not a port number.`);
  const contentDir = contentDirFrom(values.content);
  const now = values.now === undefined ? undefined : nowFrom(values.now);
  return { contentDir, format: formatFrom(values.format), siteFile: siteFileFor(contentDir, values.site), port, now };
}

function parse<T extends Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never>(
  argv: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
