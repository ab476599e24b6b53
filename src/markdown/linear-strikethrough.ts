/**
 * GFM strikethrough (`~a~`, `~~a~~`) resolved in time linear in the
 * paragraph. micromark-extension-gfm-strikethrough walks back over every
 * event for each closing run and splices each match into the whole event
 * list, so time grows with the square of the runs: a long paragraph of
 * `~a` stalls the build. This resolver makes the same
 * matches (the nearest open run of the same length; a match drops the runs
 * inside it) from one stack per length, and builds the event list once,
 * resolving each match's content with the span resolvers as upstream does.
 *
 * The construct is made by `gfmStrikethrough()` inside remark-gfm, so
 * `useLinearStrikethrough` swaps the resolver on the constructs of the
 * extensions a parser is given (remark-parse-body.ts).
 */
import type { Construct, Extension, Resolver, Token } from "micromark-util-types";
import { SpanFrames } from "./span-frames.ts";

const TEMPORARY = "strikethroughSequenceTemporary";
const length = (token: Token): number => token.end.offset - token.start.offset;

interface Run {
  readonly token: Token;
  /** The match this run closes, or opens. */
  closes?: { strikethrough: Token; text: Token; opener: Run };
  opens?: boolean;
}

export const resolveAllLinearStrikethrough: Resolver = (events, context) => {
  const runs = new Map<number, Run>();
  const stack: Run[] = [];
  // Per run length, positions in `stack` of the open runs of that length, nearest last.
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < events.length; i++) {
    const [kind, token] = events[i]!;
    if (kind !== "enter" || token.type !== TEMPORARY) continue;
    const run: Run = { token };
    runs.set(i, run);
    const size = length(token);
    const open = byLength.get(size);
    if (token._close && open !== undefined && open.length > 0) {
      const found = open.pop()!;
      const opener = stack[found]!;
      opener.opens = true;
      opener.token.type = "strikethroughSequence";
      token.type = "strikethroughSequence";
      run.closes = {
        opener,
        strikethrough: { type: "strikethrough", start: { ...opener.token.start }, end: { ...token.end } } as Token,
        text: { type: "strikethroughText", start: { ...opener.token.end }, end: { ...token.start } } as Token,
      };
      // Runs inside the match are text now.
      stack.length = found;
      for (const positions of byLength.values()) while (positions.length > 0 && positions[positions.length - 1]! >= found) positions.pop();
      continue;
    }
    if (token._open) {
      stack.push(run);
      if (open === undefined) byLength.set(size, [stack.length - 1]);
      else open.push(stack.length - 1);
    }
  }
  if (runs.size === 0) return events;

  const frames = new SpanFrames(context);
  for (let i = 0; i < events.length; i++) {
    const run = runs.get(i);
    if (run === undefined) {
      frames.push(events[i]!);
      continue;
    }
    const enter = events[i]!;
    const exit = events[++i]!;
    if (run.closes !== undefined) {
      const { opener, strikethrough, text } = run.closes;
      frames.close(
        [
          ["enter", strikethrough, context],
          ["enter", opener.token, context],
          ["exit", opener.token, context],
          ["enter", text, context],
        ],
        [
          ["exit", text, context],
          ["enter", run.token, context],
          ["exit", run.token, context],
          ["exit", strikethrough, context],
        ],
      );
    } else if (run.opens) {
      frames.open();
    } else {
      frames.push(enter, exit);
    }
  }
  return frames.finish(events, TEMPORARY);
};

/** Give every strikethrough construct among `extensions` the linear resolver (in place: the same construct serves `insideSpan`). */
export function useLinearStrikethrough(extensions: readonly Extension[]): void {
  for (const extension of extensions) {
    for (const value of Object.values(extension.text ?? {})) {
      for (const construct of [value].flat() as Construct[]) {
        if (construct?.name === "strikethrough" && construct.resolveAll !== undefined) construct.resolveAll = resolveAllLinearStrikethrough;
      }
    }
  }
}
