import type { Image, ImageReference, Link, LinkReference, Parent, Root, RootContent } from "mdast";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { hasCredentials, namesHost, redactCredentials, withoutCredentials } from "../text/web-address.ts";
import { reportIssue } from "./issues.ts";

/** Schemes a body may link to; anything else (javascript:, data:, vbscript:, …) is refused. */
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** True for relative URLs and the safe schemes. Mirrors the sanitizer's notion of a scheme. */
export function isSafeUrl(url: string): boolean {
  // A user name or password in a link would be published to every reader.
  if (hasCredentials(url)) return false;
  const colon = url.indexOf(":");
  if (colon === -1) return true;
  const firstDelimiter = url.search(/[/?#]/);
  if (firstDelimiter !== -1 && firstDelimiter < colon) return true;
  const scheme = url.slice(0, colon).toLowerCase();
  // `https:///etc/passwd` and `http:/x` name no host: the browser would take one from the path.
  if (scheme === "http" || scheme === "https") return namesHost(url);
  return SAFE_SCHEMES.has(scheme);
}

/**
 * A safe URL with its scheme in lower case: schemes are case-insensitive
 * (RFC 3986, 3.1), but the sanitizer compares them as written and would drop
 * `HTTPS://…` or `MAILTO:…`, leaving an `<a>` without `href`.
 */
export function normalizeScheme(url: string): string {
  const colon = url.indexOf(":");
  if (colon === -1 || !isSafeUrl(url)) return url;
  const firstDelimiter = url.search(/[/?#]/);
  if (firstDelimiter !== -1 && firstDelimiter < colon) return url;
  const scheme = url.slice(0, colon);
  const lower = scheme.toLowerCase();
  return lower === scheme ? url : `${lower}${url.slice(colon)}`;
}

/** The address for a message: without its credentials (CI logs are read widely), and cut short. */
const shorten = (address: string): string => {
  const url = withoutCredentials(address);
  return url.length > 60 ? `${url.slice(0, 60)}…` : url;
};

/**
 * The sanitizer would keep an unsafe link as an `<a>` without `href` and an
 * unsafe image as an `<img>` without `src` (invalid HTML). Replace them here
 * instead: a link by its text, an image by its alt text. References to
 * unsafe definitions (`[x][ref]` with `[ref]: javascript:…`) likewise.
 */
export default function remarkSafeUrls() {
  return (tree: Root, file: VFile): void => {
    const unsafeDefinitions = new Set<string>();
    visit(tree, "definition", (node) => {
      if (isSafeUrl(node.url)) {
        node.url = normalizeScheme(node.url);
        return;
      }
      unsafeDefinitions.add(normalizeIdentifier(node.identifier));
      reportIssue(file, node, { rule: "body-unsafe-link", args: { url: shorten(node.url) } });
    });
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (parent === undefined || index === undefined) return undefined;
      let unsafe = false;
      if (node.type === "link" || node.type === "image") {
        const { url } = node as Link | Image;
        unsafe = !isSafeUrl(url);
        if (!unsafe) (node as Link | Image).url = normalizeScheme(url);
        if (unsafe) reportIssue(file, node, { rule: "body-unsafe-link", args: { url: shorten(url) } });
      } else if (node.type === "linkReference" || node.type === "imageReference") {
        unsafe = unsafeDefinitions.has(normalizeIdentifier((node as LinkReference | ImageReference).identifier));
      }
      if (!unsafe) return undefined;
      const replacement: RootContent[] =
        node.type === "link" || node.type === "linkReference"
          ? (node as Link | LinkReference).children
          : (node as Image | ImageReference).alt
            ? [{ type: "text", value: (node as Image | ImageReference).alt ?? "" }]
            : [];
      // An autolink's text is its address (`www.` ones without the scheme): the credentials go from the text too.
      const only = replacement.length === 1 ? replacement[0] : undefined;
      if (node.type === "link" && only?.type === "text" && (node as Link).url.endsWith(only.value)) only.value = withoutCredentials((node as Link).url);
      for (const child of replacement) {
        visit(child, "text", (text) => {
          text.value = redactCredentials(text.value);
        });
      }
      parent.children.splice(index, 1, ...(replacement as typeof parent.children));
      return [SKIP, index];
    });
  };
}
