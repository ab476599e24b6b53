import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import { toString as plainText } from "mdast-util-to-string";
import type { VFile } from "vfile";
import { type Moment, toIso } from "../content/dates.ts";
import { reportIssue } from "./issues.ts";
import { anchorOf, type Day, dayIn, momentOf, shownTime, type WrittenTime, writtenTime } from "./live-times.ts";

/** One update of a live article, as its page and structured data show it. */
export interface LiveUpdate {
  /** Its anchor: `update-1405`. */
  readonly id: string;
  readonly iso: string;
  readonly epoch: number;
  /** The words after the time, if any, as plain text. */
  readonly title: string;
  /** Its first paragraph as plain text: the update's text in structured data. */
  readonly text: string;
}

declare module "vfile" {
  interface DataMap {
    /** Set for a live article (`live: true`): its date, and the site's zone its updates' times are read in. */
    live: { readonly date: Moment; readonly zone: string };
    liveUpdates: LiveUpdate[];
  }
}

interface Written {
  readonly heading: Heading;
  readonly time: WrittenTime;
  readonly content: RootContent[];
}

/**
 * A live article's body (`live: true`): each `## 14:05` heading starts an
 * update, written newest first under the introduction. Each update becomes
 * an `<article>` with a stable anchor, its time a `<time>` linking it, and
 * the updates are put newest first whatever the order written (a time
 * earlier than the one below it is reported: a day after midnight must be
 * written). A `##` heading that is not a time stays a heading in its update.
 */
export default function remarkLiveUpdates() {
  return (tree: Root, file: VFile): void => {
    const live = file.data.live;
    if (live === undefined) return;
    const intro: RootContent[] = [];
    const written: Written[] = [];
    for (const node of tree.children) {
      const time = node.type === "heading" && node.depth === 2 ? timeOf(node) : undefined;
      if (node.type === "heading" && time !== undefined) {
        written.push({ heading: node, time, content: [] });
        continue;
      }
      if (node.type === "heading" && node.depth === 2) reportIssue(file, node, { rule: "live-heading-not-time", args: { heading: plainText(node).trim() } });
      (written.at(-1)?.content ?? intro).push(node);
    }
    if (written.length === 0) {
      reportIssue(file, tree.children[0] ?? tree, { rule: "live-no-updates", args: {} });
      return;
    }
    const articleDay = dayIn(live.zone, live.date);
    const updates = dated(written, articleDay, live.zone, file);
    file.data.liveUpdates = updates.map((u) => u.update);
    tree.children = [...intro, ...updates.map((u) => u.node)];
  };
}

function timeOf(heading: Heading): WrittenTime | undefined {
  const first = heading.children[0];
  return first?.type === "text" ? writtenTime(first.value) : undefined;
}

/** The updates with their moments, oldest (the last written) first in reading days, then put newest first. */
function dated(written: readonly Written[], articleDay: Day, zone: string, file: VFile): { update: LiveUpdate; node: RootContent }[] {
  const made: { update: LiveUpdate; node: RootContent; order: number }[] = [];
  const ids = new Set<string>();
  let below: { day: Day; epoch: number; label: string } | undefined;
  for (let order = written.length - 1; order >= 0; order--) {
    const { heading, time, content } = written[order] as Written;
    const label = (heading.children[0]?.type === "text" ? heading.children[0].value.slice(0, time.length) : "").trim();
    const at = momentOf(time, below?.day ?? articleDay, zone);
    if (at === undefined) {
      // A day that does not exist (31 November): not an update's time after all.
      reportIssue(file, heading, { rule: "live-heading-not-time", args: { heading: plainText(heading).trim() } });
      continue;
    }
    if (below !== undefined && at.moment.epoch < below.epoch) reportIssue(file, heading, { rule: "live-update-order", args: { time: label, below: below.label } });
    below = { day: at.day, epoch: at.moment.epoch, label };
    const base = anchorOf(time, at.day, articleDay);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const iso = toIso(at.moment);
    const titleNodes = headingTitle(heading, time.length);
    const title = titleNodes
      .map((n) => plainText(n))
      .join("")
      .trim();
    const first = content.find((n) => n.type === "paragraph");
    const update: LiveUpdate = { id, iso, epoch: at.moment.epoch, title, text: first === undefined ? "" : plainText(first).replace(/\s+/g, " ").trim() };
    made.push({ update, node: updateNode(heading, id, iso, shownTime(time, at.day, articleDay), titleNodes, content), order });
  }
  return made.sort((a, b) => b.update.epoch - a.update.epoch || a.order - b.order);
}

/** The heading's words after its time. */
function headingTitle(heading: Heading, timeLength: number): PhrasingContent[] {
  const [first, ...rest] = heading.children;
  if (first?.type !== "text") return rest;
  const left = first.value.slice(timeLength);
  return left.trim() === "" ? rest : [{ ...first, value: left }, ...rest];
}

/** `<article class="live-update" id="…"><h2><a href="#…"><time datetime="…">14:05</time></a> Title</h2>…</article>`. */
function updateNode(heading: Heading, id: string, iso: string, shown: string, title: PhrasingContent[], content: RootContent[]): RootContent {
  const time: PhrasingContent = {
    type: "link",
    url: `#${id}`,
    children: [{ type: "emphasis", data: { hName: "time", hProperties: { dateTime: iso } }, children: [{ type: "text", value: shown }] }],
  };
  const newHeading: Heading = { ...heading, children: [time, ...(title.length > 0 ? [{ type: "text", value: " " } as PhrasingContent, ...title] : [])] };
  // A parent mdast does not know: remark-html makes it the element `data.hName` names.
  return {
    type: "blockquote",
    data: { hName: "article", hProperties: { className: ["live-update"], id } },
    children: [newHeading, ...content],
    ...(heading.position === undefined ? {} : { position: heading.position }),
  } as RootContent;
}
