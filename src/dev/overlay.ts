/**
 * The preview's error overlay: while the content has errors, every page of
 * the preview carries a panel with the same messages and code frames the
 * terminal shows, so an editor sees what broke without switching windows.
 * Everything in it comes from content (file names, values, source lines) and
 * is escaped; it is plain HTML and CSS, no script.
 */
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { capped, framer, moreLine, type Shown, type Sources, summaryLine } from "../diagnostics/reporter.ts";
import { visibleText } from "../diagnostics/visible-text.ts";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Marks the overlay, so tests and a second injection can find it. */
export const OVERLAY_ID = "newsroom-errors";

// Inline and scoped to the overlay: the site's stylesheet must not restyle it, nor it the site.
const STYLE = `#${OVERLAY_ID}{position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(20,20,20,.94);color:#f4f4f4;font:15px/1.5 system-ui,sans-serif;text-align:left;direction:ltr}
#${OVERLAY_ID} h2{margin:0 0 .25rem;color:#ff8080;font-size:1.25rem}
#${OVERLAY_ID} p{margin:.25rem 0}
#${OVERLAY_ID} article{margin:1.5rem 0;padding-top:1rem;border-top:1px solid #555}
#${OVERLAY_ID} .where{font-family:ui-monospace,monospace;color:#ffd479}
#${OVERLAY_ID} .rule{font-family:ui-monospace,monospace;color:#9ad}
#${OVERLAY_ID} pre{margin:.5rem 0 0;padding:.75rem;background:#000;color:#eee;overflow:auto;font:13px/1.45 ui-monospace,monospace}`;

function block({ diagnostic: d, more }: Shown, frameOf: (d: Diagnostic) => string | undefined): string {
  const text = frameOf(d);
  const frame = text === undefined ? "" : `<pre>${escapeHtml(text)}</pre>`;
  return (
    "<article>" +
    `<p><span class="where">${escapeHtml(`${visibleText(d.file)}:${d.position.line}:${d.position.column}`)}</span> ` +
    `${escapeHtml(d.severity)} <span class="rule">${escapeHtml(d.rule)}</span></p>` +
    `<p>${escapeHtml(visibleText(d.message))}</p>` +
    `<p>hint: ${escapeHtml(visibleText(d.hint))}</p>` +
    frame +
    (more > 0 ? `<p>${escapeHtml(visibleText(moreLine(d, more)))}</p>` : "") +
    "</article>"
  );
}

/**
 * The overlay for a load's diagnostics, or undefined when nothing stops
 * publication (warnings stay in the terminal: they do not break a page).
 */
export function renderOverlay(diagnostics: readonly Diagnostic[], sources: Sources): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === "error").sort(compareDiagnostics);
  if (errors.length === 0) return undefined;
  const frameOf = framer(sources);
  return (
    `<div id="${OVERLAY_ID}" role="alertdialog" aria-labelledby="${OVERLAY_ID}-title"><style>${STYLE}</style>` +
    `<h2 id="${OVERLAY_ID}-title">${escapeHtml(summaryLine(errors))}: this would not publish</h2>` +
    "<p>The preview shows the last version that built. Fix the file and save; this panel goes away by itself.</p>" +
    capped(errors)
      .map((shown) => block(shown, frameOf))
      .join("") +
    "</div>"
  );
}

/** Put the overlay first in the page's body (or first in the document, if it has none). */
export function injectOverlay(html: string, overlay: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (body === null) return `${overlay}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${overlay}${html.slice(at)}`;
}
