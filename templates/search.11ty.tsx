import type { PageData } from "./_components/data.ts";
import { Layout } from "./_components/Layout.tsx";

/**
 * The search page: a form that works as a plain GET form (`/search/?q=…`),
 * and the site's only script, which asks the Pagefind index written beside
 * the pages (src/search/pagefind.ts), in shards that it merges, and lists
 * the articles found.
 */
export const data = { permalink: "/search/index.html", eleventyExcludeFromCollections: true };

/** A filter of the index (`data-pagefind-filter`); the script adds its values. */
function Filter({ name, label, all }: { name: string; label: string; all: string }) {
  return (
    <label>
      {label}
      <select name={name} id={`search-${name}`}>
        <option value="">{all}</option>
      </select>
    </label>
  );
}

export function render({ model }: PageData) {
  const { site } = model;
  return (
    <Layout site={site} meta={model.search} scripts={["/search/search.js"]} currentSearch>
      <header class="page-header">
        <h1>Search</h1>
        <p class="page-description">
          Every article <bdi>{site.name}</bdi> has published, newest stories and archive alike.
        </p>
      </header>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with the search role is the landmark; `<search>` is not yet in every reader's browser */}
      <form class="search-form" role="search" action="/search/" method="get" id="search-form">
        <label for="search-input">Words to find</label>
        <div class="search-row">
          <input id="search-input" name="q" type="search" autocomplete="off" spellcheck={false} />
          <button type="submit">Search</button>
        </div>
        <div class="search-filters" id="search-filters" hidden>
          <Filter name="section" label="Section" all="All sections" />
          <Filter name="outlet" label="Outlet" all="All outlets" />
        </div>
      </form>
      <p class="search-status" id="search-status" role="status" aria-live="polite" />
      <ol class="card-list section-list search-results" id="search-results" />
      <noscript>
        <p class="search-status">Search runs in your browser and needs JavaScript. Every article can also be found from its section's page.</p>
      </noscript>
    </Layout>
  );
}
