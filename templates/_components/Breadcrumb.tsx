import type { Crumb } from "../../src/site/view.ts";

export interface BreadcrumbProps {
  readonly crumbs: readonly Crumb[];
  /** The site's language and direction, on a page in another language (Layout's `chrome`). */
  readonly attributes?: { lang?: string; dir?: "ltr" | "rtl" };
  /** The current page's language and direction, for its crumb on such a page. */
  readonly current?: { lang: string; dir: "ltr" | "rtl" } | undefined;
}

/** Home / Section / Page. Each crumb is isolated (`dir`): a name's bidi controls stay in it. */
export function Breadcrumb({ crumbs, attributes = {}, current }: BreadcrumbProps) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb" {...attributes}>
      <ol>
        {crumbs.map((crumb) => (
          <li>
            {crumb.url === undefined ? (
              <span aria-current="page" {...(current ?? { dir: "auto" })}>
                {crumb.title}
              </span>
            ) : (
              <a href={crumb.url} dir="auto">
                {crumb.title}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
