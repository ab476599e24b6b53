import type { ArticleFile } from "../content/find-files.ts";
import { splitFrontMatter } from "../content/front-matter.ts";
import type { FrontMatter } from "../content/schema.ts";
import { isSlug, slugify } from "../content/slug.ts";
import { validateFrontMatter } from "../content/validate.ts";
import { droppedCharacterDiagnostics, yamlErrorDiagnostics } from "../content/yaml-diagnostics.ts";
import { type Diagnostic, diagnose, type Position, START } from "../diagnostics/diagnostic.ts";
import type { Probed } from "../images/probe.ts";
import { type BodyHtml, heldHtml } from "../markdown/body-html.ts";
import type { BodyIssue } from "../markdown/issues.ts";
import { type LocalPicture, localPictures } from "../markdown/local-pictures.ts";
import { type RenderedBody, renderBody } from "../markdown/processor.ts";
import { leadingWords } from "../relate/tokenize.ts";

/** A rendered body whose HTML may still be in the cache file (body-html.ts). */
export type ArticleBody = Omit<RenderedBody, "html"> & { readonly html: BodyHtml };

/** One article, read, validated and rendered: everything later steps need from its file. */
export interface LoadedArticle {
  readonly file: ArticleFile;
  readonly slug: string;
  readonly frontMatter: FrontMatter;
  readonly body: ArticleBody;
  /**
   * The pictures beside the article that its body shows, each where it is
   * written in the file: found by the parse (and cached with it), so their
   * problems are reported at their lines without reading the file again.
   */
  readonly bodyPictures: readonly LocalPicture[];
  /** Where a front-matter value sits, for problems found across articles later. */
  readonly locate: (path: readonly PropertyKey[], key?: boolean) => Position;
  /**
   * The hash of everything the parse depends on (the file, its bytes, the
   * pipeline: article-cache.ts `cacheKey`): two articles with one key are
   * the same article, and a page made from it is known by it.
   */
  readonly key: string;
  /**
   * The probe of each picture beside the article that it shows, by name
   * (src/load/article-pictures.ts): made when the article is loaded, after
   * the parse, so never cached with it (a picture changes apart from the text).
   */
  readonly pictures: ReadonlyMap<string, Probed>;
}

/** An article as its parse leaves it: the loader adds its key and the probes of its pictures (load-articles.ts). */
export type ParsedFile = Omit<LoadedArticle, "key" | "pictures">;

export interface LoadResult {
  /** Undefined when the file has errors. */
  readonly article: ParsedFile | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The pictures beside the article that the body of a file with errors
   * shows: the build checks them against the folder all the same, so
   * every problem of the file is reported in one run.
   */
  readonly pictures?: readonly LocalPicture[];
  /** The decoded text, for code frames; undefined if it could not be decoded. */
  readonly source: string | undefined;
}

/** The pure part of loading, for tests: text in, article or diagnostics out. */
export function parseArticle(
  source: string,
  file: ArticleFile,
  zone: string,
  embedHosts: readonly string[] = [],
  /** Words of the body's plain text to keep (leadingWords): all when undefined. */
  textWords?: number,
): Omit<LoadResult, "source"> {
  const at = file.display;
  const fail = (diagnostics: Diagnostic[]) => ({ article: undefined, diagnostics });
  if (source.trim() === "") return fail([diagnose("file-empty", at, START, {})]);

  const split = splitFrontMatter(source);
  switch (split.kind) {
    case "missing":
      return fail([diagnose("front-matter-missing", at, START, {})]);
    case "unclosed":
      return fail([diagnose("front-matter-unclosed", at, START, {})]);
    case "language":
      return fail([diagnose("front-matter-language", at, { line: 1, column: 4 }, { language: split.language })]);
    case "ok":
      break;
  }
  const diagnostics: Diagnostic[] = [];
  // Every problem at once: when the front matter has an error, the body is still read for its own.
  const failWithBody = (): Omit<LoadResult, "source"> => {
    const rendered = renderBody(split.body, { embedHosts, path: at });
    for (const issue of rendered.issues) diagnostics.push(diagnoseBodyIssue(issue, at, split.bodyLineOffset));
    const pictures = localPictures(rendered.html, split.bodyLineOffset);
    return { article: undefined, diagnostics, ...(pictures.length > 0 ? { pictures } : {}) };
  };
  if (split.yaml.errors.length > 0) {
    diagnostics.push(...yamlErrorDiagnostics(split.yaml, at));
    return failWithBody();
  }
  diagnostics.push(...droppedCharacterDiagnostics(split.yaml, at));
  const slug = file.name.normalize("NFC");
  if (!isSlug(slug)) {
    diagnostics.push(diagnose("slug-invalid", at, START, { slug: file.name, proposal: slugify(file.name) || "my-article" }));
  }
  const validated = validateFrontMatter(split.yaml, at, zone);
  diagnostics.push(...validated.diagnostics);
  if (validated.data === undefined || diagnostics.some((d) => d.severity === "error")) return failWithBody();

  const frontMatter = validated.data;
  const live = frontMatter.live === true ? { date: frontMatter.date, zone } : undefined;
  const rendered = renderBody(split.body, { dateline: frontMatter.dateline, embedHosts, path: at, live });
  const plainText = textWords === undefined ? rendered.plainText : leadingWords(rendered.plainText, textWords);
  const body: ArticleBody = { ...rendered, plainText, html: heldHtml(rendered.html) };
  for (const issue of body.issues) diagnostics.push(diagnoseBodyIssue(issue, at, split.bodyLineOffset));
  if (diagnostics.some((d) => d.severity === "error")) {
    const pictures = localPictures(rendered.html, split.bodyLineOffset);
    return { article: undefined, diagnostics, ...(pictures.length > 0 ? { pictures } : {}) };
  }
  const yaml = split.yaml;
  return {
    article: { file, slug, frontMatter, body, bodyPictures: localPictures(rendered.html, split.bodyLineOffset), locate: (path, key) => yaml.positionOf(path, key) },
    diagnostics,
  };
}

function diagnoseBodyIssue(issue: BodyIssue, file: string, lineOffset: number): Diagnostic {
  // Each issue carries its own rule's arguments (BodyIssue pairs them).
  return diagnose(issue.rule, file, { line: issue.line + lineOffset, column: issue.column }, issue.args);
}
