import type { LiteArticle, LiteFront, LiteLink, LiteView, SiteView } from "../src/site/view.ts";
import { headTitle, isolateText } from "../src/text/display.ts";
import type { PageData } from "./_components/data.ts";

/**
 * The text-only edition (src/site/lite.ts): one request a page, no picture,
 * script or stylesheet to fetch, a few lines of CSS inline. Its canonical
 * link names the full page, which search engines index instead.
 */
interface LitePageData extends Omit<PageData, "model"> {
  readonly model: Pick<PageData["model"], "site">;
  readonly lite: LiteView;
}

export const data = {
  pagination: { data: "model.lite", size: 1, alias: "lite", addAllPagesToCollections: false },
  permalink: (d: LitePageData) => d.lite.url,
  eleventyExcludeFromCollections: true,
};

const CSS =
  "body{max-width:38em;margin:0 auto;padding:0 1em 2em;font:1.05em/1.55 Georgia,serif;color:#111;background:#fff}" +
  "a{color:#0645ad}a:visited{color:#5a3696}header,footer,.meta{font:.9em/1.5 system-ui,sans-serif}" +
  "header{border-bottom:2px solid #111;padding:.6em 0}footer{border-top:1px solid #999;margin-top:2em;padding-top:.6em}" +
  "h1{line-height:1.2}ul{padding-left:1.2em}li{margin:.4em 0}img{display:none}" +
  "@media (prefers-color-scheme:dark){body{color:#eee;background:#111}a{color:#8ab4f8}a:visited{color:#c58af9}header{border-color:#eee}}";

export function render({ model, lite }: LitePageData) {
  const site = model.site;
  const title = lite.title;
  const own = { lang: site.language, dir: site.dir };
  const lang = lite.kind === "article" ? lite.lang : site.language;
  const dir = lite.kind === "article" ? lite.dir : site.dir;
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === undefined ? `Text only | ${isolateText(site.name)}` : `${isolateText(headTitle(title))} | ${isolateText(site.name)}`}</title>
        <link rel="canonical" href={lite.full} />
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header {...own}>
          <a href="/lite/" dir="auto">
            <strong>{site.name}</strong>
          </a>{" "}
          · Text only · <a href={lite.full}>Full version</a>
          {lite.breaking === undefined ? null : (
            <p>
              <strong>Breaking:</strong>{" "}
              <a href={lite.breaking.url} dir="auto">
                {lite.breaking.title}
              </a>
            </p>
          )}
        </header>
        <main>{lite.kind === "article" ? <Article article={lite} site={site} /> : <Front front={lite} site={site} />}</main>
        <footer {...own}>
          <a href="/lite/">Front page</a> · <a href={lite.full}>This page with pictures</a> · <a href="/search/">Search</a>
        </footer>
      </body>
    </html>
  );
}

function Article({ article, site }: { article: LiteArticle; site: SiteView }) {
  const own = article.lang === site.language ? {} : { lang: site.language, dir: site.dir };
  return (
    <article>
      <p class="meta" {...own}>
        <a href={article.section.url}>{article.section.title}</a>
      </p>
      <h1>{article.title}</h1>
      {article.standfirst === undefined ? null : (
        <p>
          <em>{article.standfirst}</em>
        </p>
      )}
      <p class="meta" {...own}>
        {article.byline === undefined ? null : (
          <>
            By <bdi>{article.byline}</bdi> ·{" "}
          </>
        )}
        <bdi>{article.outlet}</bdi> · <time dateTime={article.published.iso}>{article.published.dayTime}</time>
        {article.updated === undefined ? null : (
          <>
            {" "}
            · Updated <time dateTime={article.updated.iso}>{article.updated.dayTime}</time>
          </>
        )}
      </p>
      <div dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.corrections.length === 0 ? null : (
        <section {...own}>
          <h2>Corrections</h2>
          <ul>
            {article.corrections.map((c) => (
              <li>
                <time dateTime={c.date.iso}>{c.date.dayTime}</time>: <span dir="auto">{c.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Front({ front, site }: { front: LiteFront; site: SiteView }) {
  return (
    <>
      <h1>{front.title ?? site.name}</h1>
      {front.blocks.map((block) => (
        <section>
          {front.title === undefined ? <h2>{block.url === undefined ? block.title : <a href={block.url}>{block.title}</a>}</h2> : null}
          <ul>
            {block.articles.map((link) => (
              <Headline link={link} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Headline({ link }: { link: LiteLink }) {
  return (
    <li>
      {link.live === true ? <strong>Live: </strong> : null}
      <a href={link.url} dir="auto">
        {link.title}
      </a>
      {link.day === undefined ? null : <span class="meta"> · {link.day}</span>}
    </li>
  );
}
