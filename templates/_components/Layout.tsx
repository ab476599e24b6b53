import type { ComponentChildren } from "preact";
import type { SiteView } from "../../src/site/view.ts";
import { SectionLinks } from "./SectionLinks.tsx";

export interface LayoutProps {
  readonly site: SiteView;
  /** The page's own title; the site name is appended. */
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly canonical: string;
  readonly lang?: string;
  readonly dir?: "ltr" | "rtl";
  /** The section to mark as current in the navigation. */
  readonly currentSection?: string | undefined;
  readonly children: ComponentChildren;
}

/** The page shell: head, skip link, masthead with section navigation, footer. */
export function Layout(props: LayoutProps) {
  const { site } = props;
  const fullTitle = props.title === undefined ? site.name : `${props.title} | ${site.name}`;
  return (
    <html lang={props.lang ?? site.language} dir={props.dir ?? "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        <link rel="canonical" href={props.canonical} />
        <link rel="stylesheet" href="/css/site.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="masthead">
          <div class="masthead-inner">
            <a class="site-name" href="/">
              {site.name}
            </a>
            {site.description === undefined ? null : <p class="site-tagline">{site.description}</p>}
          </div>
          <nav class="sections-nav" aria-label="Sections">
            <ul>
              {site.sections.map((s) => (
                <li>
                  <a href={s.url} aria-current={s.slug === props.currentSection ? "page" : undefined}>
                    {s.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            <a href="/">{site.name}</a>
            {site.description === undefined ? null : <> · {site.description}</>}
          </p>
          <nav aria-label="Footer">
            <SectionLinks sections={site.sections} />
          </nav>
        </footer>
      </body>
    </html>
  );
}
