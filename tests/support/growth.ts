/**
 * How the cost of some work grows with its input, measured in this process:
 * the time at `factor × n` divided by the time at `n`, each the fastest of a
 * few runs (a loaded machine slows a run, never speeds it). Linear work gives
 * about `factor`, quadratic `factor²`: a test asserts the ratio stays well
 * below the latter, never a wall-clock bound.
 */
export function growth(work: (n: number) => () => unknown, n: number, factor = 4, runs = 3): number {
  const fastest = (size: number): number => {
    const run = work(size);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      run();
      best = Math.min(best, performance.now() - started);
    }
    // A run too quick to time counts as a millisecond: the ratio stays meaningful.
    return Math.max(best, 1);
  };
  fastest(Math.max(1, Math.floor(n / 8))); // warm up: compile the code paths first
  // A run of a few milliseconds is mostly noise: grow the input until the smaller size is measurable.
  let size = n;
  let small = fastest(size);
  while (small < 20 && size < 16 * n) small = fastest((size *= 2));
  return fastest(factor * size) / small;
}
