import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { renderBody } from "../../../src/markdown/processor.ts";

/**
 * Issue 19, item 17: a scheme written in capitals (`HTTPS://`, `MAILTO:`) is
 * as safe as in lower case; the sanitizer compared it as written and left an
 * `<a>` without `href` or an `<img>` without `src`.
 */
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "void-style": "off" } });

const CASES = [
  ["[x](HTTPS://example.com/)", /<a href="https:\/\/example\.com\/">x<\/a>/],
  ["[x](Http://example.com/a?b=C)", /<a href="http:\/\/example\.com\/a\?b=C">x<\/a>/],
  ["<MAILTO:ed@example.com>", /<a href="mailto:ed@example\.com">MAILTO:ed@example\.com<\/a>/],
  ["<HTTPS://EXAMPLE.COM/Path>", /<a href="https:\/\/EXAMPLE\.COM\/Path">/],
  ["![p](HTTPS://example.com/p.jpg)", /<img src="https:\/\/example\.com\/p\.jpg" alt="p"/],
  ["[x][r]\n\n[r]: MailTo:desk@example.com", /<a href="mailto:desk@example\.com">x<\/a>/],
] as const;

describe("upper-case URL schemes", () => {
  for (const [markdown, expected] of CASES) {
    it(`should keep the address of ${JSON.stringify(markdown)}`, async () => {
      const { html } = renderBody(markdown);
      expect(html).toMatch(expected);
      expect(html).not.toMatch(/<a(?![^>]*\bhref=)[ >]|<img(?![^>]*\bsrc=)[ >]/);
      const report = await validator.validateString(`<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`);
      expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    });
  }

  it("should still refuse unsafe schemes in any case", () => {
    for (const markdown of ["[x](JAVASCRIPT:alert(1))", "[x](JavaScript:alert(1))", "![p](DATA:image/png;base64,AAAA)", "<VBSCRIPT:msgbox>"]) {
      expect(renderBody(markdown).html.toLowerCase()).not.toMatch(/(href|src)="(javascript|data|vbscript):/);
    }
  });
});
