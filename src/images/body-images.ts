import { readFileSync } from "node:fs";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { Position } from "../diagnostics/diagnostic.ts";
import { type BodyHtml, heldHtml } from "../markdown/body-html.ts";
import { decodeAttribute, MARKED_PICTURE } from "../markdown/local-pictures.ts";
import type { ImageJob } from "./encode.ts";
import { pictureInnerHtml } from "./picture-html.ts";
import { type Bundle, type Resolved, resolveLocalImage } from "./resolve.ts";

/**
 * The second half of remark-images: every `<img data-line>` it marked (a
 * picture beside the article) is checked against the article's folder and
 * becomes a `<picture>` with its resized files, or is reported at its line.
 * The HTML is our own sanitized output, so its `<img>` tags have one shape:
 * double-quoted attributes whose values have `&` and `"` escaped.
 */
export type BodyImageProblem =
  | { readonly rule: "image-missing"; readonly at: Position; readonly args: { src: string } }
  | { readonly rule: "image-unreadable"; readonly at: Position; readonly args: { src: string; reason: string } }
  | { readonly rule: "image-type-mismatch"; readonly at: Position; readonly args: { src: string; format: string; extension: string | undefined } };

export interface BodyImages {
  readonly html: BodyHtml;
  readonly jobs: readonly ImageJob[];
  readonly problems: readonly BodyImageProblem[];
}

const MARK = / data-line="\d+" data-column="\d+"/;

const attributesOf = (text: string): Map<string, string> => new Map([...text.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", decodeAttribute(m[2] ?? "")]));

/** The `src` of every picture beside the article that the body shows, as written. */
export function markedSources(html: string): string[] {
  return [...html.matchAll(MARKED_PICTURE)].map((m) => attributesOf(m[1] ?? "").get("src") ?? "");
}

/** `bodyAt` turns a line and column of the body into a position in the article's file. */
export function resolveBodyImages(body: BodyHtml, bundle: Bundle, bodyAt: (line: number, column: number) => Position): BodyImages {
  // A body without local pictures is not read: it may still be in the cache file.
  if (!body.marksPictures) return { html: body, jobs: [], problems: [] };
  const html = body.read();
  const jobs: ImageJob[] = [];
  const problems: BodyImageProblem[] = [];
  const out = html.replace(MARKED_PICTURE, (whole, attributeText: string, line: string, column: string) => {
    const attributes = attributesOf(attributeText);
    const src = attributes.get("src") ?? "";
    const resolved = resolveLocalImage(src, bundle, "", false);
    if (!resolved.ok) {
      problems.push(imageProblem(resolved, src, bodyAt(Number(line), Number(column))));
      // Nothing is published for it: the page is not written while it has errors.
      return whole.replace(MARK, "");
    }
    jobs.push(...resolved.jobs);
    const inner = pictureInnerHtml(resolved.picture, attributes.get("alt") ?? "", attributes.get("title"));
    return resolved.picture.sources.length === 0 ? inner : `<picture>${inner}</picture>`;
  });
  return { html: heldHtml(out), jobs, problems };
}

/** The problem `resolved` reports, at `at`. */
export function imageProblem(resolved: Extract<Resolved, { ok: false }>, src: string, at: Position): BodyImageProblem {
  switch (resolved.rule) {
    case "image-missing":
      return { rule: resolved.rule, at, args: { src } };
    case "image-unreadable":
      return { rule: resolved.rule, at, args: { src, reason: resolved.reason } };
    case "image-type-mismatch":
      return { rule: resolved.rule, at, args: { src, format: resolved.format, extension: resolved.extension } };
  }
}

/**
 * Lines of the body counted from the article file's first line. The file is
 * read again only when a problem is to be reported (rare): what is parsed
 * and cached is the body alone.
 */
export function bodyLineInFile(absolute: string): (line: number, column: number) => Position {
  let offset: number | undefined;
  return (line, column) => {
    if (offset === undefined) {
      const split = splitFrontMatter(readFileSync(absolute, "utf8"));
      offset = split.kind === "ok" ? split.bodyLineOffset : 0;
    }
    return { line: line + offset, column };
  };
}
