import type { Image, Paragraph, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { reportIssue } from "./issues.ts";

/**
 * Pictures in the body. A picture alone in its paragraph becomes a
 * `<figure>`, its Markdown title (`![alt](photo.jpg "Caption")`) the
 * caption. A picture beside the article (`photo.jpg`) is marked with the
 * place it was written at (`data-line`, `data-column`): once the site knows where the
 * article's folder is, src/images/body-images.ts checks that the file is
 * there and turns the `<img>` into a responsive `<picture>`. This transform
 * reads no file, so a body renders the same wherever and whenever it is
 * parsed (and may be cached). Pictures from elsewhere load lazily as they are.
 */
export default function remarkImages() {
  return (tree: Root, file: VFile): void => {
    visit(tree, "image", (image) => {
      if (image.alt === null || image.alt === undefined || image.alt.trim() === "") {
        reportIssue(file, image, { rule: "image-alt-missing", args: { src: image.url } });
      }
      const local = isBesideArticle(image.url);
      image.data = {
        ...image.data,
        hProperties: {
          ...(local ? { dataLine: image.position?.start.line ?? 1, dataColumn: image.position?.start.column ?? 1 } : { loading: "lazy", decoding: "async" }),
        },
      };
    });
    visit(tree, "paragraph", (paragraph: Paragraph) => {
      const only = paragraph.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
      const image = only.length === 1 && only[0]?.type === "image" ? (only[0] as Image) : undefined;
      if (image === undefined) return;
      const caption = image.title?.trim();
      image.title = null;
      paragraph.data = {
        ...paragraph.data,
        hName: "figure",
        hProperties: { className: ["body-image"] },
      };
      paragraph.children = [image];
      if (caption) {
        paragraph.children.push({
          type: "emphasis",
          data: { hName: "figcaption" },
          children: [{ type: "text", value: caption }],
          ...(image.position === undefined ? {} : { position: image.position }),
        });
      }
    });
  };
}

/** A path inside the article's folder: no scheme, not from the site's root, not another host. */
export function isBesideArticle(url: string): boolean {
  return url !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("/") && !url.startsWith("#") && !url.startsWith("?");
}
