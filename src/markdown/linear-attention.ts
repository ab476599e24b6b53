/**
 * Emphasis (`*`, `_`) resolved in time linear in the paragraph. micromark's
 * own resolver walks back over every event before each closing run to find
 * its opener, and splices each match into the whole event list: a paragraph
 * of tens of thousands of `*a_` or `a*` (published ReDoS shapes) takes
 * minutes. This resolver makes exactly micromark's matches (the nearest
 * opener of the same marker that the rule of three allows; a match drops the
 * openers inside it), keeping the openers on a stack with a floor per kind
 * of closer below which a search that failed need not look again (cmark's
 * `openers_bottom`), and builds the event list once.
 *
 * It replaces the resolver of micromark's own `attention` construct, so it
 * runs wherever micromark's would, in the same order among the other
 * resolvers (link labels, strikethrough content). Imported once, for its
 * effect, by the parser. Tests compare both resolvers' trees over generated
 * delimiter soups and the CommonMark suite (`withUpstreamAttention`).
 */
import { attention } from "micromark-core-commonmark";
import type { Point, Resolver, Token } from "micromark-util-types";
import { SpanFrames } from "./span-frames.ts";

interface Sequence {
  readonly token: Token;
  readonly marker: number;
  readonly open: boolean;
  readonly close: boolean;
  /** Matches that close at this run, in the order they were made (innermost first). */
  readonly closes: Match[];
  /** Matches that open at this run, in the order they were made (innermost first). */
  readonly opens: Match[];
}

interface Match {
  readonly group: Token;
  readonly openingSequence: Token;
  readonly closingSequence: Token;
  readonly text: Token;
}

const length = (token: Token): number => token.end.offset - token.start.offset;

function moved(point: Point, offset: number): Point {
  return { ...point, column: point.column + offset, offset: point.offset + offset, _bufferIndex: point._bufferIndex + offset };
}

/** The pairing, as micromark's `resolveAllAttention` makes it: tokens are shortened as they are used, the same way. */
function pair(sequences: readonly Sequence[]): void {
  const stack: Sequence[] = [];
  // Per kind of closer (marker, whether it may open, its length mod 3): the stack height below which a search failed.
  const floors = new Map<number, number>();
  for (const closer of sequences) {
    while (closer.close && length(closer.token) > 0) {
      const kind = closer.marker * 8 + (closer.open ? 4 : 0) + (length(closer.token) % 3);
      const floor = Math.min(floors.get(kind) ?? 0, stack.length);
      let found = -1;
      for (let j = stack.length - 1; j >= floor; j--) {
        const opener = stack[j]!;
        if (opener.marker !== closer.marker) continue;
        const a = length(opener.token);
        const b = length(closer.token);
        if ((opener.close || closer.open) && b % 3 && !((a + b) % 3)) continue;
        found = j;
        break;
      }
      if (found < 0) {
        floors.set(kind, stack.length);
        break;
      }
      const opener = stack[found]!;
      const match = matchTokens(opener.token, closer.token);
      opener.opens.push(match);
      closer.closes.push(match);
      // Openers inside the match are text now; the opener itself goes when used up.
      stack.length = length(opener.token) > 0 ? found + 1 : found;
      // The opener at `found` changed length: searches that failed may find it now.
      for (const [k, f] of floors) if (f > found) floors.set(k, found);
    }
    if (closer.open && length(closer.token) > 0) stack.push(closer);
  }
}

/** micromark's tokens for one match, shortening the opening run at its end and the closing one at its start. */
function matchTokens(open: Token, close: Token): Match {
  const use = length(open) > 1 && length(close) > 1 ? 2 : 1;
  const strong = use > 1;
  const start = moved(open.end, -use);
  const end = moved(close.start, use);
  const openingSequence = { type: strong ? "strongSequence" : "emphasisSequence", start, end: { ...open.end } } as Token;
  const closingSequence = { type: strong ? "strongSequence" : "emphasisSequence", start: { ...close.start }, end } as Token;
  const text = { type: strong ? "strongText" : "emphasisText", start: { ...open.end }, end: { ...close.start } } as Token;
  const group = { type: strong ? "strong" : "emphasis", start: { ...openingSequence.start }, end: { ...closingSequence.end } } as Token;
  open.end = { ...openingSequence.start };
  close.start = { ...closingSequence.end };
  return { group, openingSequence, closingSequence, text };
}

const resolveAllLinearAttention: Resolver = (events, context) => {
  const sequences: Sequence[] = [];
  const at = new Map<number, Sequence>();
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!;
    if (kind !== "enter" || token.type !== "attentionSequence") continue;
    const sequence: Sequence = {
      token,
      marker: context.sliceSerialize(token).charCodeAt(0),
      open: Boolean(token._open),
      close: Boolean(token._close),
      closes: [],
      opens: [],
    };
    sequences.push(sequence);
    at.set(i, sequence);
  }
  if (sequences.length === 0) return events;
  pair(sequences);

  // A match's content is resolved again by the span resolvers, this one among them, as micromark's
  // resolver does: runs inside that have changed length since may pair up now.
  const frames = new SpanFrames(context);
  for (let i = 0; i < events.length; i++) {
    const sequence = at.get(i);
    if (sequence === undefined) {
      frames.push(events[i]!);
      continue;
    }
    const enter = events[i]!;
    const exit = events[++i]!;
    for (const match of sequence.closes) {
      frames.close(
        [
          ["enter", match.group, context],
          ["enter", match.openingSequence, context],
          ["exit", match.openingSequence, context],
          ["enter", match.text, context],
        ],
        [
          ["exit", match.text, context],
          ["enter", match.closingSequence, context],
          ["exit", match.closingSequence, context],
          ["exit", match.group, context],
        ],
      );
    }
    if (length(sequence.token) > 0) frames.push(enter, exit);
    for (let m = sequence.opens.length - 1; m >= 0; m--) frames.open();
  }
  // Every opened match closed: the pairing opens none without its closer.
  return frames.finish(events, "attentionSequence");
};

const upstream = attention.resolveAll;
attention.resolveAll = resolveAllLinearAttention;

/** Run `work` with micromark's own resolver back in place: for tests that compare the two. */
export function withUpstreamAttention<T>(work: () => T): T {
  attention.resolveAll = upstream;
  try {
    return work();
  } finally {
    attention.resolveAll = resolveAllLinearAttention;
  }
}
