/** `npm run bench`: every benchmark, each comparing against a baseline in the same run. */
await import("./related.ts");
