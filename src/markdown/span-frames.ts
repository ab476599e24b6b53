import { resolveAll } from "micromark-util-resolve-all";
import type { Event, TokenizeContext } from "micromark-util-types";

/**
 * The event list of a paragraph rebuilt once, span by span, for the linear
 * span resolvers (linear-attention.ts, linear-strikethrough.ts): events go
 * to the innermost open span; closing one resolves its content with the
 * span resolvers (as micromark's resolvers do with each match's slice) and
 * wraps it. Nothing is spliced into the whole list.
 */
export class SpanFrames {
  private readonly frames: Event[][] = [[]];

  constructor(private readonly context: TokenizeContext) {}

  push(...events: Event[]): void {
    const frame = this.frames[this.frames.length - 1]!;
    for (const event of events) frame.push(event);
  }

  open(): void {
    this.frames.push([]);
  }

  /** Close the innermost span: `before`, its content resolved, `after`. */
  close(before: readonly Event[], after: readonly Event[]): void {
    const content = resolveAll(this.context.parser.constructs.insideSpan.null ?? [], this.frames.pop()!, this.context);
    this.push(...before);
    for (const event of content) this.push(event);
    this.push(...after);
  }

  /**
   * Put the result in `events`, in place as micromark's resolvers work (the
   * caller may hold the list), runs of `temporary` left unpaired becoming text.
   */
  finish(events: Event[], temporary: string): Event[] {
    const resolved = this.frames[0]!;
    events.length = 0;
    for (const event of resolved) {
      if (event[1].type === temporary) event[1].type = "data";
      events.push(event);
    }
    return events;
  }
}
