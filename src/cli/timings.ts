/**
 * Where a build's time goes, phase by phase, printed only when asked
 * (`NEWSROOM_TIMINGS=1`): one JSON line on stderr that `npm run bench`
 * reads, so the search index and picture encoding can be reported apart.
 */
export const TIMINGS_VARIABLE = "NEWSROOM_TIMINGS";

export class Timings {
  readonly #phases: Record<string, number> = {};
  /** Resident memory at the end of each phase, MB: where a build's peak comes from. */
  readonly #rssMB: Record<string, number> = {};
  #last: number;

  /** `started`: when the command began, from `performance.now()`: the time since the process started, which is start-up. */
  constructor(started: number) {
    this.#last = started;
    this.#phases.start = Math.round(started) / 1000;
  }

  /** The phase that ends now, named for what it did. */
  mark(phase: string): void {
    const now = performance.now();
    this.#phases[phase] = Math.round(now - this.#last) / 1000;
    this.#rssMB[phase] = Math.round(process.memoryUsage.rss() / 2 ** 20);
    this.#last = now;
  }

  report(stream: { write(text: string): unknown }, counts: object, env: NodeJS.ProcessEnv = process.env): void {
    if (env[TIMINGS_VARIABLE] !== "1") return;
    // This process alone (worker threads included): the search indexer runs in a child of its own.
    const usage = process.resourceUsage();
    const own = { cpu: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) / 1000, peakMB: Math.round(usage.maxRSS / 1024) };
    stream.write(`timings: ${JSON.stringify({ seconds: this.#phases, rssMB: this.#rssMB, ...own, ...counts })}\n`);
  }
}
