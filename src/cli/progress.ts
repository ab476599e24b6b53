import type { PagesProgress } from "../eleventy/renderer.ts";

/**
 * Progress of a long build, on one line of an interactive terminal:
 * articles parsed, then pages written. In CI (no TTY) it writes nothing, so
 * logs hold only the summary line.
 */

/** What we need of `process.stderr`; tests pass a fake. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export type ProgressState =
  | { readonly stage: "parsing"; readonly done: number; readonly total: number }
  | { readonly stage: "writing"; readonly done: number; readonly total: number };

const count = (n: number): string => n.toLocaleString("en-US");

/** The line shown for a state, e.g. `Parsing articles: 1,200 of 10,000`. */
export function progressLine(state: ProgressState): string {
  const what = state.stage === "parsing" ? "Parsing articles" : "Writing pages";
  return `${what}: ${count(state.done)} of ${count(state.total)}`;
}

/** Redraws at most this often: a terminal repainted per article slows the build it reports. */
const REDRAW_MS = 100;

/** Return to the start of the line and clear it (ANSI erase in line). */
const CLEAR = "\r\u001b[K";

export class Progress {
  readonly #stream: ProgressStream;
  readonly #clock: () => number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #shown = false;

  constructor(stream: ProgressStream, clock: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#clock = clock;
  }

  get enabled(): boolean {
    return this.#stream.isTTY === true;
  }

  /** Show `state` unless a line was drawn moments ago; `force` for the last state of a stage. */
  update(state: ProgressState, force = false): void {
    if (!this.enabled) return;
    const now = this.#clock();
    if (!force && now - this.#lastDraw < REDRAW_MS) return;
    this.#lastDraw = now;
    this.#shown = true;
    this.#stream.write(`${CLEAR}${progressLine(state)}`);
  }

  /** Clear the line, so the summary or the diagnostics start on a clean one. */
  clear(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#stream.write(CLEAR);
  }
}

/**
 * What the page writer reports to, as it writes: pages written (rendered
 * or carried over) of all. Reported per run of pages, not counted on disk:
 * listing an output of tens of thousands of files takes seconds.
 */
export function writingPages(progress: Progress): PagesProgress {
  return (done, total) => progress.update({ stage: "writing", done, total }, done === total);
}
