import { describe, expect, it } from "vitest";
import { liteBody, liteUrl } from "../../src/site/lite.ts";

/** The text-only edition's bodies (issue 22): only text is left, and links stay in the edition. */
describe("liteBody", () => {
  const articles = new Set(["/national/floods/", "/world/summit/"]);

  it("says what a figure showed, by its caption, else its alt text, and fetches nothing", () => {
    const html = liteBody(
      '<figure><picture><source type="image/avif" srcset="a-480.avif 480w"><img src="a.jpg" alt="Trucks on a road" width="800" height="533"></picture><figcaption>The first convoy.</figcaption></figure>' +
        '<figure><img src="b.jpg" alt="A flooded field"></figure><figure><img src="c.jpg" alt=""></figure>',
      articles,
    );
    expect(html).toBe("<p><i>Picture: The first convoy.</i></p><p><i>Picture: A flooded field</i></p>");
  });

  it("names an inline picture by its alt text and drops a decorative one", () => {
    expect(liteBody('<p>Before <img src="x.png" alt="a map"> and <img src="y.png" alt=""> after</p>', articles)).toBe(
      "<p>Before <i>[Picture: a map]</i> and  after</p>",
    );
  });

  it("drops embeds, media, scripts and styles with everything in them", () => {
    const html = liteBody(
      '<p>a</p><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe><video src="v.mp4"><p>no video</p></video><audio src="a.mp3"></audio><script>alert(1)</script><style>p{}</style><p>b</p>',
      articles,
    );
    expect(html).toBe("<p>a</p><p>b</p>");
  });

  it("leads links to other articles to their text-only pages, keeping fragments, and leaves the rest", () => {
    const html = liteBody(
      '<p><a href="/national/floods/">floods</a> <a href="/world/summit/#talks">summit</a> <a href="/tags/floods/">tag</a> <a href="https://example.org/national/floods/" rel="nofollow">out</a> <a href="//cdn.example.org/x">cdn</a></p>',
      articles,
    );
    expect(html).toBe(
      '<p><a href="/lite/national/floods/">floods</a> <a href="/lite/world/summit/#talks">summit</a> <a href="/tags/floods/">tag</a> <a href="https://example.org/national/floods/" rel="nofollow">out</a> <a href="//cdn.example.org/x">cdn</a></p>',
    );
  });

  it("keeps what the text needs (footnote anchors, tables, direction) and no class or style", () => {
    const html = liteBody(
      '<p class="x" style="color:red" dir="rtl" lang="fa">متن<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p><table><tr><th scope="col" class="c">A</th></tr></table>',
      articles,
    );
    expect(html).toBe('<p lang="fa" dir="rtl">متن<sup><a href="#fn-1" id="fnref-1">1</a></sup></p><table><tbody><tr><th scope="col">A</th></tr></tbody></table>');
  });

  it("puts a page under /lite/", () => {
    expect(liteUrl("/national/floods/")).toBe("/lite/national/floods/");
  });
});
