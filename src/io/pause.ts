/**
 * A test hook: `NEWSROOM_PAUSE_AT=<step>` makes the build stop at that step,
 * say so on stderr (`newsroom: paused at <step>`) and wait there until it
 * gets SIGUSR2 or is killed, so a test can kill it exactly there
 * instead of after a guessed number of milliseconds. Unset, it does nothing.
 */
export const PAUSE_VARIABLE = "NEWSROOM_PAUSE_AT";

/** The steps a build can be paused at, in the order a build passes them. */
export const PAUSE_STEPS = [
  /** The content folder is listed; no article or picture is read yet. */
  "build:found",
  /** The site is loaded and checked; nothing is written yet. */
  "build:loaded",
  /** The pages are written in the temporary folder; pictures and search index to come. */
  "build:pages",
  /** The new site is complete in its temporary folder; the output is untouched. */
  "publish:written",
  /** The new site is in place; the previous output waits in the temporary folder. */
  "publish:swapped",
  /** The previous output is moved out of the way (to the cache's trash), not yet deleted. */
  "publish:discarded",
] as const;

export type PauseStep = (typeof PAUSE_STEPS)[number];

export async function pauseAt(step: PauseStep): Promise<void> {
  if (process.env[PAUSE_VARIABLE] !== step) return;
  await new Promise<void>((resolve) => {
    // A signal listener alone does not keep Node running.
    const alive = setInterval(() => undefined, 1 << 30);
    process.once("SIGUSR2", () => {
      clearInterval(alive);
      resolve();
    });
    // Said once listening: a test that resumes the build as soon as it reads this would otherwise kill it (SIGUSR2's default).
    process.stderr.write(`newsroom: paused at ${step}\n`);
  });
}
