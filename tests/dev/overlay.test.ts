import { describe, expect, it } from "vitest";
import { escapeHtml, injectOverlay, OVERLAY_ID, renderOverlay } from "../../src/dev/overlay.ts";
import { lastGoodPreview, type ModelledPreview } from "../../src/dev/preview.ts";
import { diagnose } from "../../src/diagnostics/diagnostic.ts";
import type { BuiltSite } from "../../src/site/build-site.ts";

const FILE = "content/world/<b>bad</b>.md";
const SOURCE = "---\ntitle: T\ntgas: [<script>alert('x')</script>]\n---\n";
const unknown = diagnose("field-unknown", FILE, { line: 3, column: 1 }, { field: "tgas", suggestion: "tags" });
const warning = diagnose("date-no-offset", FILE, { line: 2, column: 1 }, { field: "date", zone: "UTC" });

describe("renderOverlay", () => {
  const html = renderOverlay([warning, unknown], new Map([[FILE, SOURCE]])) ?? "";

  it("should show each error's place, rule, message, hint and code frame, as the terminal does", () => {
    expect(html).toContain(`<div id="${OVERLAY_ID}" role="alertdialog"`);
    expect(html).toContain('<h2 id="newsroom-errors-title">1 error, 0 warnings in 1 file: this would not publish</h2>');
    expect(html).toContain('<p><span class="where">content/world/&lt;b&gt;bad&lt;/b&gt;.md:3:1</span> error <span class="rule">field-unknown</span></p>');
    expect(html).toContain("<p>Unknown field `tgas`. Did you mean `tags`?</p><p>hint: Rename it to `tags`.</p>");
    expect(html).toContain("<pre>    2 | title: T\n  &gt; 3 | tgas: [&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;]\n      | ^\n    4 | ---</pre>");
  });

  it("should escape everything that comes from content", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  });

  it("should leave warnings to the terminal, and show nothing when nothing stops publication", () => {
    expect(html).not.toContain("date-no-offset");
    expect(renderOverlay([warning], new Map())).toBeUndefined();
    expect(renderOverlay([], new Map())).toBeUndefined();
  });

  it("should show an error without a frame when the file's text is unknown", () => {
    const bare = renderOverlay([unknown], new Map()) ?? "";
    expect(bare).toContain("hint: Rename it to `tags`.</p></article>");
    expect(bare).not.toContain("<pre>");
  });
});

describe("injectOverlay", () => {
  it("should put the overlay first in the body, keeping the body's attributes", () => {
    expect(injectOverlay('<html><body class="a"><main>x</main></body></html>', "<div>o</div>")).toBe(
      '<html><body class="a"><div>o</div><main>x</main></body></html>',
    );
  });

  it("should put it first in a page without a body tag", () => {
    expect(injectOverlay("<p>x</p>", "<div>o</div>")).toBe("<div>o</div><p>x</p>");
  });
});

describe("lastGoodPreview", () => {
  const model = (name: string) => ({ site: { name } }) as unknown as BuiltSite;
  const loaded = (name: string, diagnostics = [unknown]): ModelledPreview => ({ built: model(name), diagnostics, sources: new Map() });

  it("should show what could be read until the site has built once, then keep the last good site under the overlay", () => {
    const preview = lastGoodPreview();
    const first = preview(loaded("partial"));
    expect(first.built).toEqual(model("partial"));
    expect(first.overlay).toContain("field-unknown");

    expect(preview(loaded("good", [warning]))).toEqual({ built: model("good"), overlay: undefined });
    const broken = preview(loaded("broken"));
    expect(broken.built).toEqual(model("good"));
    expect(broken.overlay).toContain("Unknown field `tgas`");
    expect(preview(loaded("fixed", []))).toEqual({ built: model("fixed"), overlay: undefined });
  });
});
