/**
 * The plain Eleventy baseline for `npm run bench`: what a newsroom gets from
 * Eleventy 3 out of the box. Articles are Eleventy templates (markdown-it),
 * their `tags` become Eleventy's per-tag collections, each page is laid out
 * by Nunjucks with a sidebar of its section's latest articles.
 * BENCH_CONTENT and BENCH_OUT name the folders.
 */
import path from "node:path";

const here = import.meta.dirname;

export default function (config) {
  const input = process.env.BENCH_CONTENT;
  config.addGlobalData("layout", "article.njk");
  // The section sidebar: each section's five newest articles, computed once.
  config.addCollection("latestBySection", (api) => {
    const bySection = {};
    for (const item of api.getAllSorted().reverse()) {
      const section = item.inputPath.split("/").at(-2);
      const list = (bySection[section] ??= []);
      if (list.length < 5) list.push(item);
    }
    return bySection;
  });
  return {
    dir: { input, output: process.env.BENCH_OUT, includes: path.relative(input, path.join(here, "_includes")) },
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md"],
  };
}
