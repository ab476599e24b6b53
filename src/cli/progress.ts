import { readdir } from "node:fs/promises";

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
  | { readonly stage: "writing"; readonly written: number };

const count = (n: number): string => n.toLocaleString("en-US");

/** The line shown for a state, e.g. `Parsing articles: 1,200 of 10,000`. */
export function progressLine(state: ProgressState): string {
  return state.stage === "parsing"
    ? `Parsing articles: ${count(state.done)} of ${count(state.total)}`
    : `Writing pages: ${count(state.written)} files written`;
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
 * Run `write` (which fills `dir`) and show how many files it has written so
 * far. Eleventy reports no per-page event to its caller, so the folder is
 * counted on a timer; only on a terminal, where someone is watching.
 */
export async function countingFiles<T>(progress: Progress, dir: string, write: () => Promise<T>): Promise<T> {
  if (!progress.enabled) return write();
  progress.update({ stage: "writing", written: 0 }, true);
  let counting = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (counting) return;
    counting = true;
    readdir(dir, { recursive: true, withFileTypes: true })
      .then((entries) => {
        // A count that finishes after the build must not redraw over the summary.
        if (!stopped) progress.update({ stage: "writing", written: entries.filter((e) => e.isFile()).length }, true);
      })
      // The folder does not exist until the first page is written.
      .catch(() => {})
      .finally(() => {
        counting = false;
      });
  }, 250);
  try {
    return await write();
  } finally {
    stopped = true;
    clearInterval(timer);
    progress.clear();
  }
}
