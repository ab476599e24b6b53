/**
 * What Pagefind reads of a page, cut out of the page as written: the
 * elements marked `data-pagefind-body`, their tags byte for byte, in a bare document
 * that keeps the page's `<html>` tag. Pagefind indexes only the content of
 * those elements when a page has one, and takes metadata, filters and sort
 * keys from `data-pagefind-*` attributes; so a page whose only such
 * attributes are inside its body elements gives Pagefind the same records
 * from the bare document as from the whole page
 * (tests/search/searchable.test.ts proves the index byte-identical). The
 * masthead, sidebars and lists around the article change with every new
 * story; cut away, they no longer make the search index stale.
 *
 * A page with a `data-pagefind-*` attribute outside its body elements is
 * refused rather than indexed differently: that would need this cut widened.
 *
 * The text between the tags is spelt as the search page spells queries
 * (public/search/normalize.js): Arabic and Persian forms of one letter,
 * joiners and digits made one, so a reader's keyboard does not decide what
 * is found. Tags and attributes are kept as written.
 */
import { searchText } from "../../public/search/normalize.js";

/** A tag or comment as the HTML tokenizer sees it; attribute values may hold `>`. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** Elements whose text is not markup: a `<` inside them opens no tag. */
const RAW_TEXT = new Map(["script", "style", "textarea", "title"].map((name) => [name, new RegExp(`</${name}`, "gi")]));
const BODY_ATTRIBUTE = /(?:^|\s)data-pagefind-body(?:[\s=/]|$)/;
const PAGEFIND_ATTRIBUTE = /(?:^|\s)data-pagefind-/;

export class SearchableError extends Error {}

/**
 * The bare document Pagefind should index for `html`, or undefined when the
 * page has no `data-pagefind-body` element (Pagefind then skips it too).
 */
export function searchableDocument(html: string, page: string): string | undefined {
  const bodies: string[] = [];
  let htmlTag = "<html>";
  /** While inside a body element: its tag name, how deep, and where it started. */
  let open: { name: string; depth: number; start: number } | undefined;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [token, slash, rawName, attributes = ""] = match;
    if (rawName === undefined) continue; // a comment
    const name = rawName.toLowerCase();
    if (open !== undefined) {
      if (name === open.name) open.depth += slash === "" ? 1 : -1;
      if (open.depth === 0) {
        bodies.push(html.slice(open.start, TOKEN.lastIndex));
        open = undefined;
      }
    } else if (slash === "") {
      if (name === "html") htmlTag = token;
      else if (BODY_ATTRIBUTE.test(attributes)) open = { name, depth: 1, start: match.index };
      else if (PAGEFIND_ATTRIBUTE.test(attributes)) {
        throw new SearchableError(
          `${page}: \`${token.slice(0, 120)}\` carries a data-pagefind attribute outside the data-pagefind-body element, which the search index does not read`,
        );
      }
    }
    const rawEnd = slash === "" ? RAW_TEXT.get(name) : undefined;
    if (rawEnd !== undefined) {
      rawEnd.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = rawEnd.exec(html)?.index ?? html.length;
    }
  }
  if (open !== undefined) throw new SearchableError(`${page}: the data-pagefind-body element <${open.name}> is never closed`);
  if (bodies.length === 0) return undefined;
  return `<!doctype html>\n${htmlTag}<head></head><body>${bodies.map(spelt).join("")}</body></html>\n`;
}

/** The text of a piece of HTML in the search's spelling (normalize.js), its tags untouched. */
function spelt(html: string): string {
  let out = "";
  let at = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    out += searchText(html.slice(at, match.index)) + match[0];
    at = TOKEN.lastIndex;
  }
  return out + searchText(html.slice(at));
}
