import type { PhrasingContent, Root } from "mdast";
import type { VFile } from "vfile";

declare module "vfile" {
  interface DataMap {
    /** The city that opens the first paragraph (`KABUL`), from front matter. */
    dateline: string;
  }
}

/**
 * Open the first paragraph with the dateline, as wire copy does:
 * `KABUL – The first sentence…`. The city is a text node, so it is escaped
 * like any other text; a body with no paragraph gets one of its own.
 */
export default function remarkDateline() {
  return (tree: Root, file: VFile): void => {
    const dateline = file.data.dateline;
    if (dateline === undefined || dateline === "") return;
    const opening: PhrasingContent[] = [
      {
        type: "emphasis",
        data: { hName: "span", hProperties: { className: ["dateline"], dir: "auto" } },
        children: [{ type: "text", value: dateline.toUpperCase() }],
      },
      { type: "text", value: " – " },
    ];
    const first = tree.children.find((node) => node.type === "paragraph");
    if (first) first.children.unshift(...opening);
    else tree.children.unshift({ type: "paragraph", children: opening });
  };
}
