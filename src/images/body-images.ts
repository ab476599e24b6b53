import { type BodyHtml, heldHtml } from "../markdown/body-html.ts";
import { decodeAttribute, MARKED_PICTURE } from "../markdown/local-pictures.ts";
import type { ImageJob } from "./encode.ts";
import { pictureInnerHtml } from "./picture-html.ts";
import { type Bundle, resolveLocalImage } from "./resolve.ts";

/**
 * The second half of remark-images: every `<img data-line>` it marked (a
 * picture beside the article) becomes a `<picture>` with its resized files.
 * A picture that cannot be shown was reported when the site was modelled
 * (picture-problems.ts), and the page is not published then: it loses only
 * its mark. The HTML is our own sanitized output, so its `<img>` tags have
 * one shape: double-quoted attributes whose values have `&` and `"` escaped.
 */
export interface BodyImages {
  readonly html: BodyHtml;
  readonly jobs: readonly ImageJob[];
}

const MARK = / data-line="\d+" data-column="\d+"/;

const attributesOf = (text: string): Map<string, string> =>
  new Map([...text.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? "", decodeAttribute(m[2] ?? "")]));

export function resolveBodyImages(body: BodyHtml, bundle: Bundle): BodyImages {
  // A body without local pictures is not read: it may still be in the cache file.
  if (!body.marksPictures) return { html: body, jobs: [] };
  const jobs: ImageJob[] = [];
  const out = body.read().replace(MARKED_PICTURE, (whole, attributeText: string) => {
    const attributes = attributesOf(attributeText);
    const resolved = resolveLocalImage(attributes.get("src") ?? "", bundle, "", false);
    if (!resolved.ok) return whole.replace(MARK, "");
    jobs.push(...resolved.jobs);
    const inner = pictureInnerHtml(resolved.picture, attributes.get("alt") ?? "", attributes.get("title"));
    return resolved.picture.sources.length === 0 ? inner : `<picture>${inner}</picture>`;
  });
  return { html: heldHtml(out), jobs };
}
