import { describe, expect, it } from "vitest";
import { renderBody } from "../../src/markdown/processor.ts";
import { growth } from "../support/growth.ts";
import { newsBody, PATHOLOGICAL } from "./stress-cases.ts";

/**
 * Issue 19 items 2 and 22: every body costs time about linear in its size.
 * Each published pathological shape is rendered at n and 4n characters in
 * this process; linear work takes about 4 times as long, quadratic 16: the
 * ratio must stay below 10. No wall-clock bound: a loaded machine slows both
 * sizes alike. At 100 KB each renders, or is refused with a positioned error.
 */
const N = 12_500;

describe("pathological inline Markdown", () => {
  for (const [name, shape] of Object.entries(PATHOLOGICAL)) {
    it(`costs time linear in its length: ${name}`, () => {
      const rendered = renderBody(shape(4 * N));
      for (const issue of rendered.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
      const ratio = growth((n) => {
        const body = shape(n);
        return () => renderBody(body);
      }, N);
      expect(ratio, `${name}: 4× the text took ${ratio.toFixed(1)}× the time`).toBeLessThan(10);
    });
  }
});

describe("realistic copy", () => {
  it("renders in time linear in its length, up to the largest body allowed", () => {
    const ratio = growth(
      (n) => {
        const body = newsBody(n);
        return () => renderBody(body);
      },
      250_000,
      4,
      2,
    );
    expect(ratio).toBeLessThan(10);
  });
});
