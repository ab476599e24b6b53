/**
 * `npm run bench`: every benchmark, each comparing against a baseline in the same run.
 * `npm run bench -- --huge` adds 100,000 articles to the build benchmark; `--build` runs only it.
 */
if (!process.argv.includes("--build")) await import("./related.ts");
if (!process.argv.includes("--build")) await import("./dev.ts");
await import("./build.ts");
