import { readFileSync } from "node:fs";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Position } from "../diagnostics/diagnostic.ts";
import { type BodyHtml, heldHtml } from "../markdown/body-html.ts";
import { decodeAttribute, MARKED_PICTURE } from "../markdown/local-pictures.ts";
import type { ImageJob } from "./encode.ts";
import { pictureInnerHtml } from "./picture-html.ts";
import { type Bundle, resolveLocalImage } from "./resolve.ts";

/**
 * The second half of remark-images: every `<img data-line>` it marked (a
 * picture beside the article) is checked against the article's folder and
 * becomes a `<picture>` with its resized files, or is reported at its line.
 * The HTML is our own sanitized output, so its `<img>` tags have one shape:
 * double-quoted attributes whose values have `&` and `"` escaped.
 */
export type BodyImageProblem =
  | { readonly rule: "image-missing"; readonly at: Position; readonly args: { src: string } }
  | { readonly rule: "image-unreadable"; readonly at: Position; readonly args: { src: string; reason: string } };

export interface BodyImages {
  readonly html: BodyHtml;
  readonly jobs: readonly ImageJob[];
  readonly problems: readonly BodyImageProblem[];
}

/** `bodyLine` turns a line of the body into a position in the article's file. */
export function resolveBodyImages(body: BodyHtml, bundle: Bundle, bodyLine: (line: number) => Position): BodyImages {
  // A body without local pictures is not read: it may still be in the cache file.
  if (!body.marksPictures) return { html: body, jobs: [], problems: [] };
  const html = body.read();
  const jobs: ImageJob[] = [];
  const problems: BodyImageProblem[] = [];
  const out = html.replace(MARKED_PICTURE, (whole, attributeText: string, line: string) => {
    const attributes = new Map([...attributeText.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", decodeAttribute(m[2] ?? "")]));
    const src = attributes.get("src") ?? "";
    const resolved = resolveLocalImage(src, bundle, "", false);
    if (!resolved.ok) {
      const at = bodyLine(Number(line));
      problems.push(resolved.rule === "image-missing" ? { rule: resolved.rule, at, args: { src } } : { rule: resolved.rule, at, args: { src, reason: resolved.reason } });
      return whole.replace(/ data-line="\d+"/, "");
    }
    jobs.push(...resolved.jobs);
    const inner = pictureInnerHtml(resolved.picture, attributes.get("alt") ?? "", attributes.get("title"));
    return resolved.picture.sources.length === 0 ? inner : `<picture>${inner}</picture>`;
  });
  return { html: heldHtml(out), jobs, problems };
}

/**
 * Lines of the body counted from the article file's first line. The file is
 * read again only when a problem is to be reported (rare): what is parsed
 * and cached is the body alone.
 */
export function bodyLineInFile(absolute: string): (line: number) => Position {
  let offset: number | undefined;
  return (line) => {
    if (offset === undefined) {
      const split = splitFrontMatter(readFileSync(absolute, "utf8"));
      offset = split.kind === "ok" ? split.bodyLineOffset : 0;
    }
    return { line: line + offset, column: 1 };
  };
}
