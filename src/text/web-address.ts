/**
 * Checks for the web addresses content gives (canonical_url, Check Also
 * links, pictures, site.yaml's url and logo), which go into every page's
 * head, feeds and JSON-LD. The WHATWG parser is forgiving where a reader
 * must not be: `https:///etc/passwd` and `http:/x` get a host from the path,
 * `\` counts as `/`, tabs and newlines vanish, and `user:token@` is kept and
 * published. So the text is checked as written, then parsed.
 */

/** What is wrong with `value` as a full `http(s)://` address, or undefined when nothing is. */
export function webAddressProblem(value: string): string | undefined {
  if (/[\s\\]/.test(value)) return "must be a web address without spaces or backslashes";
  const written = /^([a-z][a-z0-9+.-]*):(\/\/)?([^/?#]*)/i.exec(value);
  if (written === null || !["http", "https"].includes((written[1] ?? "").toLowerCase())) {
    return "must be a full web address starting with `https://` or `http://`";
  }
  if (!namesHost(value)) {
    return "must name a host after `https://` (as in `https://news.example.org/…`)";
  }
  if ((written[3] ?? "").includes("@")) return CREDENTIALS;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a full web address starting with `https://` or `http://`";
  }
  if (url.username !== "" || url.password !== "") return CREDENTIALS;
  if (url.hostname === "") return "must name a host after `https://` (as in `https://news.example.org/…`)";
  return undefined;
}

/** True when `scheme://` is followed by a host, as written: the parser would find one in `https:///etc` or `http:/x`. */
export function namesHost(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#\\@]*[^/?#\\@:]/i.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i, "$1"));
}

const CREDENTIALS =
  "must not hold a user name or password (`user:token@` before the host): it would be published on every page that links there; give the address without it, and change the password if it was real";

/** Schemes whose addresses always have a host part, `//` or not (WHATWG "special" schemes). */
const SPECIAL = new Set(["http", "https", "ws", "wss", "ftp", "file"]);

/** True for a `scheme://user:password@host` (or `//user@host`) address, written or as the parser reads it. */
export function hasCredentials(value: string): boolean {
  const text = value.replace(/[\t\n\r]/g, "");
  const written = /^(?:([a-z][a-z0-9+.-]*):)?([/\\]*)([^/?#\\]*)/i.exec(text);
  const scheme = written?.[1]?.toLowerCase();
  const slashes = written?.[2]?.length ?? 0;
  const hasHost = scheme === undefined ? slashes >= 2 : SPECIAL.has(scheme) || slashes >= 2;
  if (hasHost && (written?.[3] ?? "").includes("@")) return true;
  try {
    const url = new URL(text);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
}

/** `value` with what stands before `@` in its host part replaced by `…`, for messages. */
export function withoutCredentials(value: string): string {
  return hasCredentials(value) ? value.replace(/^((?:[a-z][a-z0-9+.-]*:)?[/\\]*)[^/?#\\]*@/i, "$1…@") : value;
}

/**
 * What is wrong with `value` as a picture: a file beside the article
 * (`photo.jpg`), a path under the site (`/images/photo.jpg`) or a full web
 * address as `webAddressProblem` wants it.
 */
export function pictureAddressProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^[/\\]{2}/i.test(value)) return webAddressProblem(value);
  if (/(^|[/\\])\.\.([/\\]|$)/.test(value) || value.includes("\\")) {
    return "must be a file beside the article (`photo.jpg`), a path under the site (`/images/photo.jpg`) or an `https://` address";
  }
  return undefined;
}

/**
 * `scheme://user:token@host` anywhere in `text` with the user and token left
 * out (`https://…@host`): for source lines and messages printed to a CI log,
 * and an autolink's text.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'`<>]*@/gi, "$1…@");
}
