/**
 * micromark applies its event edits through `EditMap.consume`, which copies
 * the whole event list of the document each time. micromark's document
 * tokenizer calls it whenever a block quote or list item closes, so a long
 * article with many quotes and lists costs time quadratic in its length:
 * twice the copy, about four times the parse.
 *
 * This replaces `consume` with one that keeps every event before the first
 * edit where it is and rebuilds only the tail; the edits those calls make sit
 * near the end, so each becomes cheap. Same result, event for event: the
 * CommonMark spec examples and the fixtures run through it.
 *
 * Imported once, for its effect, by the processor.
 */
import { EditMap } from "micromark-util-edit-map";

type Change = [at: number, remove: number, add: unknown[]];

interface EditMapInternals {
  map: Change[];
  index: Map<number, Change>;
}

function consume(this: EditMapInternals, events: unknown[]): void {
  const map = this.map;
  if (map.length === 0) return;
  map.sort((a, b) => a[0] - b[0]);
  const start = map[0]![0];
  const tail = events.slice(start);
  events.length = start;
  const end = start + tail.length;
  let cursor = start;
  for (const [at, remove, add] of map) {
    // Overlapping edits copy nothing between them, as upstream.
    for (let i = cursor; i < at && i < end; i++) events.push(tail[i - start]);
    for (const event of add) events.push(event);
    cursor = at + remove;
  }
  for (let i = cursor; i < end; i++) events.push(tail[i - start]);
  map.length = 0;
  this.index.clear();
}

(EditMap.prototype as unknown as { consume: typeof consume }).consume = consume;
