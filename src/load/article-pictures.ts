import { availableParallelism } from "node:os";
import { type Diagnostic, diagnose, START } from "../diagnostics/diagnostic.ts";
import { type KnownProbes, type Probed, probeImage } from "../images/probe.ts";
import { bundleFile, ownPicture } from "../images/resolve.ts";
import type { LoadedArticle } from "./load-article.ts";

/**
 * The pictures an article uses, probed while it is loaded (probe.ts): its
 * lead picture when it sits beside it, and every picture of its body. They
 * are all its bundle publishes. Any other file beside `index.md` (a page, a
 * script, notes, a photo not used) is published nowhere, and named in a
 * warning so that the editor knows.
 */
export interface ProbedArticles {
  readonly articles: readonly LoadedArticle[];
  readonly diagnostics: readonly Diagnostic[];
}

/** An article before its pictures are probed (or to be probed again: a picture changed). */
type Unprobed = Omit<LoadedArticle, "pictures">;

/** What `article` names as its pictures, as written. */
function sourcesOf(article: Unprobed): string[] {
  const lead = article.frontMatter.image?.src;
  return [...(lead !== undefined && ownPicture(lead) ? [lead] : []), ...article.bodyPictures.map((p) => p.src)];
}

/** `article` with the probe of each picture it uses, and a warning for each other file of its bundle. */
export async function probeArticlePictures(article: Unprobed, known?: KnownProbes): Promise<{ article: LoadedArticle; diagnostics: Diagnostic[] }> {
  const { file } = article;
  if (file.bundleDir === undefined) return { article: { ...article, pictures: new Map() }, diagnostics: [] };
  const used = new Map<string, string>();
  for (const src of sourcesOf(article)) {
    const found = bundleFile(src, { dir: file.bundleDir, assets: file.assets });
    if (found !== undefined) used.set(found.name, found.file);
  }
  const pictures = new Map<string, Probed>();
  for (const [name, absolute] of used) pictures.set(name, await probeImage(absolute, name, known));
  const diagnostics = file.assets.filter((name) => !used.has(name)).map((name) => diagnose("bundle-file-ignored", file.display, START, { name }));
  return { article: { ...article, pictures }, diagnostics };
}

/** Every article's pictures, a few articles at a time (the decoding runs on libuv's threads). */
export async function probeAllPictures(articles: readonly Unprobed[], known?: KnownProbes): Promise<ProbedArticles> {
  const out: LoadedArticle[] = [];
  const diagnostics: Diagnostic[][] = articles.map(() => []);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < articles.length; i = next++) {
      const probed = await probeArticlePictures(articles[i] as Unprobed, known);
      out[i] = probed.article;
      diagnostics[i] = probed.diagnostics;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, worker));
  return { articles: out, diagnostics: diagnostics.flat() };
}
