// The search page's script, the only one on the site. It asks the Pagefind
// index built beside the pages and lists what it finds. The index comes in
// shards (/pagefind/00/, /pagefind/01/, …, listed in /pagefind/shards.json:
// one for a small site, up to 16 for a large archive; src/search/shards.ts
// says why): the first shard's Pagefind merges the others, so one search
// covers them all, its results ranked together by score and its filters
// counted over every shard. The
// query lives in the address (?q=…&section=…&outlet=…), so a search can be
// bookmarked, shared and reached with the back button. Results are built as
// DOM nodes from text: nothing found is ever inserted as HTML.
import { searchText } from "./normalize.js";

const form = document.getElementById("search-form");
const input = document.getElementById("search-input");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const filters = document.getElementById("search-filters");
const selects = { section: document.getElementById("search-section"), outlet: document.getElementById("search-outlet") };
const MAX_RESULTS = 30;

let pagefind;
async function load() {
  const response = await fetch("/pagefind/shards.json");
  if (!response.ok) throw new Error(`no search index: ${response.status}`);
  const [first, ...others] = (await response.json()).shards;
  const pf = await import(`${first}pagefind.js`);
  await pf.options({ excerptLength: 28 });
  // Merged shards search with the first shard's options but their own excerpts: give them the same length.
  await Promise.all(others.map((shard) => pf.mergeIndex(shard, { excerptLength: 28 })));
  return pf;
}
function index() {
  pagefind ??= load();
  return pagefind;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt is HTML with <mark> around the words found: keep its text and marks, nothing else. */
function excerpt(html) {
  const out = element("p", "card-summary");
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  for (const node of parsed.firstChild?.childNodes ?? []) {
    if (node.nodeName === "MARK") out.append(element("mark", "", node.textContent));
    else out.append(document.createTextNode(node.textContent ?? ""));
  }
  return out;
}

function card(result) {
  const item = element("li");
  const article = element("article", "card");
  const heading = element("h2", "card-title");
  const link = element("a", "", result.meta.title ?? result.url);
  // Editors' text is isolated, as on the pages: a U+202E in an outlet cannot reorder the date after it.
  link.dir = "auto";
  link.href = result.url.startsWith("/") ? result.url : "/";
  heading.append(link);
  article.append(heading, excerpt(result.excerpt));
  const meta = element("p", "card-meta");
  for (const value of [result.filters.section?.[0], result.filters.outlet?.[0], result.meta.date]) {
    if (value) meta.append(Object.assign(element("span", "", value), { dir: "auto" }));
  }
  article.append(meta);
  item.append(article);
  return item;
}

async function fillFilters(pf) {
  const available = await pf.filters();
  for (const [name, select] of Object.entries(selects)) {
    const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b));
    for (const value of values) select.append(new Option(value, value));
  }
  filters.hidden = false;
}

/** Searches can overlap (a reader typing on while the index loads): only the latest one shows. */
let latest = 0;

async function search(query, chosen) {
  const mine = ++latest;
  if (query.trim() === "") {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  const pf = await index();
  const wanted = Object.fromEntries(Object.entries(chosen).filter(([, value]) => value));
  const found = await pf.search(searchText(query), { filters: wanted });
  const results = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (mine !== latest) return;
  list.replaceChildren(...results.map(card));
  const n = found.results.length;
  status.textContent =
    n === 0
      ? `No articles found for “${query}”.`
      : `${n} ${n === 1 ? "article" : "articles"} found for “${query}”${n > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ""}.`;
}

function fromAddress(first = false) {
  const params = new URLSearchParams(location.search);
  // On arrival, what the reader may already have typed stays unless the address has a query.
  if (!first || params.has("q")) input.value = params.get("q") ?? "";
  for (const [name, select] of Object.entries(selects)) select.value = params.get(name) ?? "";
  return search(input.value, { section: selects.section.value, outlet: selects.outlet.value });
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams({ q: input.value });
  for (const [name, select] of Object.entries(selects)) if (select.value) params.set(name, select.value);
  history.pushState(null, "", `?${params}`);
  fromAddress();
});
for (const select of Object.values(selects)) select.addEventListener("change", () => form.requestSubmit());
addEventListener("popstate", () => fromAddress());

try {
  await fillFilters(await index());
  await fromAddress(true);
} catch {
  status.textContent = "Search is not available on this copy of the site: its index has not been built.";
}
