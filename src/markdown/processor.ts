import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkHtml from "remark-html";
import { unified } from "unified";
import { VFile } from "vfile";
import type { Moment } from "../content/dates.ts";
import type { BodyIssue } from "./issues.ts";
import { needsGfm } from "./needs-gfm.ts";
import remarkControlCharacters, { dropWrittenCharacters } from "./remark-control-characters.ts";
import remarkDateline from "./remark-dateline.ts";
import remarkDemoteHeadings from "./remark-demote-headings.ts";
import remarkExcerpt from "./remark-excerpt.ts";
import remarkGfmFixes from "./remark-gfm-fixes.ts";
import remarkImages from "./remark-images.ts";
import remarkLiveUpdates, { type LiveUpdate } from "./remark-live-updates.ts";
import remarkParseBody from "./remark-parse-body.ts";
import remarkRawHtml from "./remark-raw-html.ts";
import remarkSafeUrls from "./remark-safe-urls.ts";
import remarkTypography from "./remark-typography.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

/**
 * The body pipeline: Markdown → mdast → our transforms → sanitized HTML.
 * Built once and frozen; per-article facts travel on the VFile's data.
 */
const processor = unified()
  .use(remarkParseBody)
  .use(remarkGfm)
  .use(remarkControlCharacters)
  .use(remarkRawHtml)
  .use(remarkSafeUrls)
  .use(remarkImages)
  .use(remarkGfmFixes)
  .use(remarkLiveUpdates)
  .use(remarkDemoteHeadings)
  .use(remarkTypography)
  .use(remarkExcerpt)
  .use(remarkDateline)
  .use(remarkHtml, { sanitize: sanitizeSchema })
  .freeze();

/** The same parser, guards included, without GFM's extensions: for bodies that need none (needs-gfm.ts). */
const commonmark = unified().use(remarkParseBody).freeze();

function parseFast(file: VFile): Root {
  const tree = commonmark.parse(file) as Root;
  if (!needsGfm(tree)) return tree;
  // Parsed again: the guards report again, so forget what the first parse reported.
  delete file.data.issues;
  return processor.parse(file) as Root;
}

export interface BodyOptions {
  readonly dateline?: string | undefined;
  /** Hosts whose `<iframe>` embeds are kept (site.yaml `embeds`). */
  readonly embedHosts?: readonly string[];
  /** Path for messages. */
  readonly path?: string;
  /** A live article's date and the site's zone (remark-live-updates.ts): its `## 14:05` headings become updates. */
  readonly live?: { readonly date: Moment; readonly zone: string } | undefined;
  /** "always" parses with GFM even a body that cannot need it (tests compare the two). */
  readonly gfm?: "auto" | "always";
  /** false leaves quotes, dashes and ellipses as written (remark-typography): tests hold the rest of the pipeline to CommonMark. */
  readonly typography?: boolean;
}

export interface RenderedBody {
  readonly html: string;
  /** Plain text of the first paragraph (without the dateline), if any. */
  readonly firstParagraph: string | undefined;
  /** The body as plain text, block by block. */
  readonly plainText: string;
  /** What the transforms removed or refused, positioned in the body. */
  readonly issues: readonly BodyIssue[];
  /** A live article's updates, newest first. */
  readonly liveUpdates?: readonly LiveUpdate[];
}

export function renderBody(written: string, options: BodyOptions = {}): RenderedBody {
  const { markdown, issues } = dropWrittenCharacters(written);
  const file = new VFile({ value: markdown, ...(options.path === undefined ? {} : { path: options.path }) });
  if (options.dateline !== undefined) file.data.dateline = options.dateline;
  if (options.embedHosts !== undefined) file.data.embedHosts = options.embedHosts;
  if (options.typography === false) file.data.typography = false;
  if (options.live !== undefined) file.data.live = options.live;
  const tree = options.gfm === "always" ? (processor.parse(file) as Root) : parseFast(file);
  const html = String(processor.stringify(processor.runSync(tree, file) as Root, file));
  const rendered = { html, firstParagraph: file.data.firstParagraph, plainText: file.data.plainText ?? "", issues: [...issues, ...(file.data.issues ?? [])] };
  return file.data.liveUpdates === undefined ? rendered : { ...rendered, liveUpdates: file.data.liveUpdates };
}
