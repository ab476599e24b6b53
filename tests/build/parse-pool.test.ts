import { describe, expect, it } from "vitest";
import { INLINE_BELOW, parseAll } from "../../src/load/parse-pool.ts";
import { parseOne } from "../../src/load/parse-worker.ts";
import type { ParseTask } from "../../src/load/parsed-article.ts";
import { articleFile } from "../support/article-file.ts";

/** Bodies of very different lengths, so threads finish out of order. */
const tasks: ParseTask[] = Array.from({ length: INLINE_BELOW + 50 }, (_, i) => ({
  source: `---\ntitle: Story ${i}\ndate: 2026-10-14T09:30:00+04:30\n${i % 17 === 0 ? "tags: oops\n" : ""}---\n${"A paragraph with a [link](https://example.org) and | pipes.\n\n".repeat(1 + ((i * 37) % 6))}<b>raw ${i}</b>\n`,
  file: articleFile(`story-${i}`, "national"),
  zone: "Asia/Kabul",
  embedHosts: [],
}));

describe("parseAll", () => {
  it("should give, on worker threads, exactly the parses of the main thread, in the order of the input", async () => {
    const threaded = await parseAll(tasks, { threads: 2 });
    expect(threaded).toEqual(tasks.map(parseOne));
    // Errors (a tag list that is not a list) and warnings (raw HTML) travel too.
    expect(threaded[0]?.article).toBeUndefined();
    expect(threaded[1]?.diagnostics.map((d) => d.rule)).toEqual(["body-raw-html"]);
  });

  it("should report progress up to the last article", async () => {
    const seen: number[] = [];
    await parseAll(tasks.slice(0, 5), { onParsed: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
