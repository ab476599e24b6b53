import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * What the preview server answers before Eleventy's dev server sees a
 * request. The preview shows unpublished news on the loopback interface,
 * but any web page the editor opens can send requests to it: through DNS
 * rebinding under a name of its own (so only the loopback names with the
 * preview's port are answered), and with targets that Eleventy's server
 * does not survive (a malformed escape throws from `decodeURIComponent`, a
 * `..` from an "Invalid path" that nothing catches). A target is decoded
 * here, segment by segment, and handed on re-encoded and free of `..`, so
 * whatever Eleventy then does with it stays inside the preview folder.
 */

/** The `Host:` values of the preview itself: the loopback names with its port. */
export function isPreviewHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}` || value === `[::1]:${port}`;
}

/** The `Origin:` of a page of the preview itself; anything else (another site, `null`, none) is not. */
export function isPreviewOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  const value = origin.toLowerCase();
  return value === `http://127.0.0.1:${port}` || value === `http://localhost:${port}` || value === `http://[::1]:${port}`;
}

/** Targets longer than this are refused (414): no page of a site has an address near it. */
export const MAX_TARGET = 4096;

export type Target = { readonly url: string } | { readonly status: 400 | 414; readonly reason: string };

/**
 * The request target `raw` made safe to hand on: its path decoded segment by
 * segment and encoded again, with empty segments dropped (`//etc/passwd` is
 * `/etc/passwd` in the preview folder, not a host). Refused: anything but
 * an origin-form target, an escape that is not UTF-8, and a segment that
 * decodes to `.`, `..`, a slash, a backslash or a control character.
 */
export function previewTarget(raw: string | undefined): Target {
  if (raw === undefined || !raw.startsWith("/")) return { status: 400, reason: "the request target must be a path" };
  if (raw.length > MAX_TARGET) return { status: 414, reason: "the address is too long" };
  const cut = raw.search(/[?#]/);
  const pathPart = cut < 0 ? raw : raw.slice(0, cut);
  const query = cut < 0 || raw[cut] === "#" ? "" : raw.slice(cut).replace(/#.*$/s, "");
  const segments: string[] = [];
  for (const segment of pathPart.split("/")) {
    if (segment === "") continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { status: 400, reason: "the address has a malformed escape" };
    }
    // eslint-disable-next-line no-control-regex
    if (decoded === "." || decoded === ".." || /[/\\\u0000-\u001f\u007f]/.test(decoded)) {
      return { status: 400, reason: "the address leaves the preview folder or names no file" };
    }
    segments.push(encodeURIComponent(decoded));
  }
  const trailing = pathPart.endsWith("/") && segments.length > 0 ? "/" : "";
  return { url: `/${segments.join("/")}${trailing}${query}` };
}

/** A short plain-text refusal; the connection is closed after it. */
export function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
  response.end(`${text}\n`);
}

/**
 * Check `request` and rewrite its target; true when it may be handed on,
 * false when it has been answered here.
 */
export function admitRequest(request: IncomingMessage, response: ServerResponse, port: number): boolean {
  if (!isPreviewHost(request.headers.host, port)) {
    refuse(response, 421, `This preview answers only http://127.0.0.1:${port}/, http://localhost:${port}/ and http://[::1]:${port}/.`);
    return false;
  }
  const target = previewTarget(request.url);
  if ("status" in target) {
    refuse(response, target.status, `Bad request: ${target.reason}.`);
    return false;
  }
  request.url = target.url;
  return true;
}
