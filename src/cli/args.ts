import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDate } from "../content/dates.ts";
import { FORMATS, type Format } from "../diagnostics/reporter.ts";

/** A mistake in how the command was called: exit code 2, with the message. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

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
function siteFileFor(contentDir: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    if (!existsSync(explicit)) throw new UsageError(`--site: no file \`${explicit}\`.`);
    return explicit;
  }
  const beside = path.join(path.dirname(path.resolve(contentDir)), "site.yaml");
  if (!existsSync(beside)) return undefined;
  const relative = path.relative(process.cwd(), beside);
  return relative.startsWith("..") ? beside : relative;
}

function contentDirFrom(value: string): string {
  if (!existsSync(value)) throw new UsageError(`--content: no folder \`${value}\`.`);
  return value;
}

export function parseBuildArgs(argv: readonly string[]): BuildOptions | "help" {
  const { values } = parse(argv, {
    ...common,
    out: { type: "string", default: "dist" },
    now: { type: "string" },
  });
  if (values.help) return "help";
  const contentDir = contentDirFrom(values.content);
  let now = Date.now();
  if (values.now !== undefined) {
    const parsed = parseDate(values.now, "UTC");
    if (!parsed.ok) throw new UsageError(`--now: \`${values.now}\` is not a date-time: ${parsed.problem}.`);
    now = parsed.moment.epoch;
  }
  return { contentDir, format: formatFrom(values.format), siteFile: siteFileFor(contentDir, values.site), outDir: values.out, now };
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
  const { values } = parse(argv, { ...common, port: { type: "string", default: "8080" } });
  if (values.help) return "help";
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port: \`${values.port}\` is not a port number.`);
  const contentDir = contentDirFrom(values.content);
  return { contentDir, format: formatFrom(values.format), siteFile: siteFileFor(contentDir, values.site), port };
}

function parse<T extends Parameters<typeof parseArgs>[0] extends infer C ? C extends { options?: infer O } ? O : never : never>(
  argv: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
