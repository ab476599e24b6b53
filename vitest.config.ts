import { configDefaults, defineConfig } from "vitest/config";
import { unitTestFiles } from "./tests/support/test-kinds.ts";

/** Tests that start no process, browser or server (tests/support/test-kinds.ts): `npm run test:unit`. */
const unit = unitTestFiles(import.meta.dirname);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // Threads start faster than the default forks; nothing in these tests needs a process of its own.
      { extends: true, test: { name: "unit", include: unit, pool: "threads" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...unit],
          // Finds (or, on Debian, installs) the browser the browser tests read the site in.
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["src/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      // The summary also when a test fails: the floor is read from it either way.
      reportOnFailure: true,
      // The floor: what the suite covers now, rounded down. `autoUpdate` raises it here when
      // a run covers more (never lowers it), so a change that drops coverage fails `npm run coverage`.
      thresholds: { autoUpdate: (covered) => Math.floor(covered), statements: 77, branches: 71, functions: 80, lines: 79 },
    },
  },
});
