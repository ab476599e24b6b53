import { formatPhrase } from "../text/picture-names.ts";
/** How bad a problem is: an error stops publishing, a warning does not. */
export type Severity = "error" | "warning";

/**
 * The catalogue of everything the build can say about content, in the manner
 * of Astro's errors-data: each rule has a permanent id (used in tests and in
 * the editors' guide), a one-line title, a message built from the facts of the case
 * and a hint saying what to do. Ids never change meaning; retire, don't reuse.
 */
interface Rule<Args> {
  readonly severity: Severity;
  readonly title: string;
  readonly message: (args: Args) => string;
  readonly hint: (args: Args) => string;
}

function rule<Args = Record<string, never>>(definition: Rule<Args>): Rule<Args> {
  return definition;
}

const suggestion = (candidate: string | undefined): string => (candidate === undefined ? "" : ` Did you mean \`${candidate}\`?`);

export const catalogue = {
  "file-encoding": rule<{ offset: number }>({
    severity: "error",
    title: "File is not UTF-8",
    message: ({ offset }) => `The file is not valid UTF-8 (first bad byte at offset ${offset}).`,
    hint: () => 'Re-save the file as UTF-8 in your editor ("Save with encoding" → UTF-8); the site would otherwise show garbled characters.',
  }),
  "file-empty": rule({
    severity: "error",
    title: "Empty file",
    message: () => "The file is empty.",
    hint: () => "Write the article's front matter and body, or delete the file.",
  }),
  "file-nesting": rule<{ relative: string }>({
    severity: "error",
    title: "Article too deep in the folder tree",
    message: ({ relative }) => `\`${relative}\` is nested too deeply to be an article.`,
    hint: () => "Put articles at `<section>/<slug>.md` or `<section>/<slug>/index.md` inside the content folder.",
  }),
  "folder-too-deep": rule<{ relative: string; depth: number }>({
    severity: "warning",
    title: "Folder too deep to hold articles",
    message: ({ relative, depth }) => `\`${relative}\` is more than ${depth} folders deep inside the content folder; nothing in it is read.`,
    hint: () =>
      "Articles live at `<section>/<slug>.md` or `<section>/<slug>/index.md`, their pictures beside them: move anything the site needs up, or the folder out of the content folder.",
  }),
  "file-name-encoding": rule({
    severity: "error",
    title: "File name is not UTF-8",
    message: () => "The name of this file or folder is not valid UTF-8 (shown with � where its bytes are not), so it cannot be read.",
    hint: () => "Rename it with the letters your editor shows, saved as UTF-8 (the name becomes the article's address).",
  }),
  "file-vanished": rule<{ what: string }>({
    severity: "error",
    title: "File moved or deleted during the build",
    message: ({ what }) => `${what} was there when the build began, but was moved or deleted before it could be read.`,
    hint: () => "Build again once the files are where they should be: nothing is published from a build that lost a file, and the previous site is left as it was.",
  }),
  "front-matter-missing": rule({
    severity: "error",
    title: "No front matter",
    message: () => "The file does not start with front matter.",
    hint: () => "Start the file with a line `---`, then `title:` and `date:` lines, then another `---` line before the article text.",
  }),
  "front-matter-unclosed": rule({
    severity: "error",
    title: "Front matter is not closed",
    message: () => "The front matter opened with `---` is never closed.",
    hint: () => "Add a line with only `---` after the last front-matter field, before the article text.",
  }),
  "front-matter-language": rule<{ language: string }>({
    severity: "error",
    title: "Front matter must be YAML",
    message: ({ language }) => `Front matter in \`${language}\` is not accepted: only YAML is read, and no code in content is ever run.`,
    hint: () => "Open the front matter with a plain `---` line and write the fields as YAML (`title: ...`).",
  }),
  "yaml-syntax": rule<{ reason: string }>({
    severity: "error",
    title: "Front matter is not valid YAML",
    message: ({ reason }) => `YAML syntax error: ${reason}`,
    hint: () =>
      "Check indentation and quoting: a value containing `: `, or starting with a quote, `[`, `{`, `&`, `*`, `!` or `#`, goes in single quotes, with any ' inside written twice: `title: 'Kabul''s teachers: a protest'`.",
  }),
  "yaml-tab": rule({
    severity: "error",
    title: "Tab in YAML indentation",
    message: () => "This line is indented with a tab; YAML allows only spaces for indentation.",
    hint: () => "Replace the tab with spaces, lining the field up with the ones above it (two spaces per level).",
  }),
  "yaml-tag": rule<{ field: string; tag: string }>({
    severity: "error",
    title: "YAML tag outside the core schema",
    message: ({ field, tag }) => `\`${field}\` carries the YAML tag \`${tag}\`; front matter and site.yaml hold only text, numbers, true/false, lists and fields.`,
    hint: () => 'Remove the tag (the `!…` word before the value); if the value itself starts with `!`, quote the value: `title: "!important"`.',
  }),
  "control-character": rule<{ where: string; characters: readonly string[] }>({
    severity: "warning",
    title: "Control or invisible character dropped",
    message: ({ where, characters }) =>
      `${where} holds ${characters.length === 1 ? "the character" : "the characters"} ${characters.map((c) => `\`${c}\``).join(", ")}, which no page, feed or index may carry; ${characters.length === 1 ? "it is" : "they are"} left out.`,
    hint: () => "Delete the character in your editor (it is often invisible, pasted from a terminal, a PDF or a word processor), or write the text again by hand.",
  }),
  "yaml-not-mapping": rule({
    severity: "error",
    title: "Front matter is not a set of fields",
    message: () => "The front matter must be a list of `field: value` lines.",
    hint: () => "Write one field per line, e.g. `title: My headline`.",
  }),
  "field-required": rule<{ field: string }>({
    severity: "error",
    title: "Required field missing",
    message: ({ field }) => `The required field \`${field}\` is missing.`,
    hint: ({ field }) => `Add a \`${field}:\` line to the front matter.`,
  }),
  "field-type": rule<{ field: string; expected: string; received: string }>({
    severity: "error",
    title: "Field has the wrong type",
    message: ({ field, expected, received }) => `\`${field}\` must be ${expected}, but it is ${received}.`,
    hint: ({ expected }) =>
      expected.startsWith("a list")
        ? "Write a list as `[first, second]` or as lines starting with `- `."
        : "Put the value in double quotes if it is text, and remove any list or nested fields.",
  }),
  "field-invalid": rule<{ field: string; problem: string }>({
    severity: "error",
    title: "Field value is not allowed",
    message: ({ field, problem }) => `\`${field}\` ${problem}.`,
    hint: () => "Correct the value; the front-matter reference in docs/editors.md lists what each field accepts.",
  }),
  "field-unknown": rule<{ field: string; suggestion: string | undefined; reference?: "site config" }>({
    severity: "error",
    title: "Unknown field",
    message: ({ field, suggestion: s }) => `Unknown field \`${field}\`.${suggestion(s)}`,
    hint: ({ suggestion: s, reference }) =>
      s !== undefined
        ? `Rename it to \`${s}\`.`
        : reference === "site config"
          ? "Remove the field, or check the site config's table in docs/editors.md for the fields site.yaml can have."
          : "Remove the field, or check the front-matter reference in docs/editors.md for the fields an article can have.",
  }),
  "field-conflict": rule<{ fields: string }>({
    severity: "error",
    title: "Fields that exclude each other",
    message: ({ fields }) => `Use only one of ${fields}.`,
    hint: () => "Keep one: `author: Name` for one author, `authors: [Name, Other]` for several.",
  }),
  "date-invalid": rule<{ field: string; value: string; problem: string }>({
    severity: "error",
    title: "Date is not a valid ISO 8601 date-time",
    message: ({ field, value, problem }) => `\`${field}\` is \`${value}\`: ${problem}.`,
    hint: () => "Write the date and local time with its time-zone offset, e.g. `2026-09-26T09:00:00+04:30` (Kabul).",
  }),
  "date-no-offset": rule<{ field: string; zone: string }>({
    severity: "warning",
    title: "Date without a time-zone offset",
    message: ({ field, zone }) => `\`${field}\` has no time-zone offset; it is read in the site's time zone (${zone}).`,
    hint: () => "Add the offset to be explicit, e.g. `+04:30` for Kabul or `Z` for UTC.",
  }),
  "slug-invalid": rule<{ slug: string; proposal: string }>({
    severity: "error",
    title: "File name is not a valid slug",
    message: ({ slug }) => `The file name \`${slug}\` cannot be used as the article's address (slug).`,
    hint: ({ proposal }) => `Rename the file to lowercase words joined by hyphens, e.g. \`${proposal}\`.`,
  }),
  "slug-duplicate": rule<{ slug: string; other: string }>({
    severity: "error",
    title: "Two articles with the same slug",
    message: ({ slug, other }) => `The slug \`${slug}\` is also used by \`${other}\`.`,
    hint: () => "Rename one of the two files: every article needs its own address.",
  }),
  "section-missing": rule({
    severity: "error",
    title: "Article has no section",
    message: () => "The article is not in a section folder and has no `section` field.",
    hint: () => "Add `section: <name>` to the front matter, or move the file into its section's folder.",
  }),
  "section-unknown": rule<{ section: string; suggestion: string | undefined }>({
    severity: "warning",
    title: "Section not listed in the site config",
    message: ({ section, suggestion: s }) => `The section \`${section}\` is not listed in the site config; it gets its own page anyway.${suggestion(s)}`,
    hint: ({ suggestion: s }) =>
      s === undefined
        ? "Add the section to `sections:` in site.yaml to give it a title and a place in the navigation."
        : `Use \`${s}\`, or add the section to \`sections:\` in site.yaml.`,
  }),
  "section-folder-unlisted": rule<{ folder: string; file: string; listed: readonly string[]; suggestion: string | undefined }>({
    severity: "warning",
    title: "Article in a folder that is not a listed section",
    message: ({ folder, file, suggestion: s }) =>
      `\`${file}\` is in the folder \`${folder}\`, which site.yaml does not list under \`sections:\`; it is published in a section \`${folder}\` of its own that the navigation does not show.${suggestion(s)}`,
    hint: ({ folder, listed }) =>
      `Add \`- ${folder}\` to \`sections:\` in site.yaml if it is a new section, or move the file into the folder of a listed one (${listed
        .slice(0, 6)
        .map((l) => `\`${l}/\``)
        .join(", ")}${listed.length > 6 ? ", …" : ""}).`,
  }),
  "author-unknown": rule<{ author: string; suggestion: string }>({
    severity: "warning",
    title: "Author name close to a listed author",
    message: ({ author, suggestion: s }) => `The author \`${author}\` is not in site.yaml's \`authors:\`, but is close to one who is.${suggestion(s)}`,
    hint: ({ author, suggestion: s }) =>
      `Write \`${s}\` if it is the same person (the byline links to their page and bio); if \`${author}\` is someone else, add them to \`authors:\` in site.yaml.`,
  }),
  "section-no-address": rule<{ section: string; slug: string }>({
    severity: "error",
    title: "Section name has no letters",
    message: ({ section }) => `The section \`${section}\` has no letter or digit to make its address from.`,
    hint: () => "Name the section in words, as in site.yaml's `sections:` (for example `national`).",
  }),
  "section-reserved": rule<{ section: string; slug: string }>({
    severity: "error",
    title: "Section name taken by the site",
    message: ({ section, slug }) => `The section \`${section}\` would live at \`/${slug}/\`, where the site publishes its own pages.`,
    hint: () =>
      "Choose another name for the section; `archive`, `authors`, `corrections`, `css`, `lite`, `outlets`, `page`, `pagefind`, `search`, `sections`, `sitemaps` and `tags` are the site's.",
  }),
  "section-duplicate": rule<{ section: string; other: string; slug: string; line: number; column: number }>({
    severity: "error",
    title: "Two sections with one address",
    message: ({ section, other, slug, line, column }) =>
      `The section \`${section}\` would live at \`/${slug}/\`, like the section \`${other}\` at line ${line}, column ${column}.`,
    hint: () => "Remove one of the two, or give one of them its own `slug:` (sections are matched by address, so `World` and `World!` are one).",
  }),
  "navigation-unknown": rule<{ section: string; suggestion: string | undefined }>({
    severity: "error",
    title: "Navigation names no section",
    message: ({ section, suggestion: s }) => `\`navigation\` names \`${section}\`, which is not in \`sections\`.${suggestion(s)}`,
    hint: () => "List in `navigation` only sections that `sections` has, by title or slug; every section is on the site's `/sections/` page anyway.",
  }),
  "address-reserved": rule<{ field: string; name: string; address: string }>({
    severity: "warning",
    title: "Name Windows reserves",
    message: ({ field, name, address }) =>
      `The ${field} \`${name}\` would be published under a name Windows reserves for a device; it is published as \`${address}\` instead.`,
    hint: () =>
      "Nothing to do if that address suits you. `con`, `prn`, `aux`, `nul`, `com1`–`com9` and `lpt1`–`lpt9` cannot be files or folders on Windows, so the site could not be copied there; rename it for an address of your choosing.",
  }),
  "section-mismatch": rule<{ field: string; folder: string }>({
    severity: "warning",
    title: "Section field disagrees with the folder",
    message: ({ field, folder }) => `The article sits in the \`${folder}\` folder but says \`section: ${field}\`; the field wins.`,
    hint: () => "Move the file to its section's folder, or remove the `section` field.",
  }),
  "check-also-unresolved": rule<{ slug: string; suggestion: string | undefined }>({
    severity: "error",
    title: "Check Also points at no article",
    message: ({ slug, suggestion: s }) => `\`check_also\` names \`${slug}\`, but no article has that slug.${suggestion(s)}`,
    hint: () => "Use the file name of another article without `.md` (e.g. `aid-convoys-reach-baghlan`), or `{ title, url }` for an outside link.",
  }),
  "check-also-self": rule<{ slug: string }>({
    severity: "warning",
    title: "Check Also points at the article itself",
    message: ({ slug }) => `\`check_also\` names \`${slug}\`, which is this article: the box leaves it out.`,
    hint: () => "Point it at another article; until then the box shows the best related article instead, if the entry was its only one.",
  }),
  "check-also-unpublished": rule<{ slug: string; state: string; scheduled: boolean }>({
    severity: "warning",
    title: "Check Also points at an unpublished article",
    message: ({ slug, state, scheduled }) =>
      scheduled
        ? `\`check_also\` names \`${slug}\`, which is ${state}: the box shows it from the first build after then.`
        : `\`check_also\` names \`${slug}\`, which is ${state}: the box leaves it out until it is published.`,
    hint: ({ scheduled }) =>
      scheduled
        ? "Nothing to do if that is the plan. Until then the box shows the other entries, or the best related article."
        : "Publish that article (remove `draft: true`), or point at a published one. Until then the box shows the other entries, or the best related article.",
  }),
  "body-raw-html": rule<{ snippet: string }>({
    severity: "warning",
    title: "Raw HTML in the body is not published",
    message: ({ snippet }) => `Raw HTML is removed from the article: \`${snippet}\`.`,
    hint: () =>
      "Write it in Markdown instead: **bold**, _italic_, [a link](https://…), > a quote. Embeds (videos, maps) must come from a host listed under `embeds:` in site.yaml.",
  }),
  "body-unsafe-link": rule<{ url: string }>({
    severity: "warning",
    title: "Link or picture with an unsafe address",
    message: ({ url }) => `The address \`${url}\` is not a web, e-mail or site address; only its text is published.`,
    hint: () => "Link to an `https://` address, a `mailto:` address or a path on this site such as `/national/…`.",
  }),
  "body-too-large": rule<{ length: number; limit: number }>({
    severity: "error",
    title: "Body too long",
    message: ({ length, limit }) => `The body is ${length.toLocaleString("en")} characters long; at most ${limit.toLocaleString("en")} are published.`,
    hint: () =>
      "No reader can follow a page this long on a phone: split the piece into parts, or publish the document as a file and link to it. If you pasted something by mistake, remove it.",
  }),
  "body-too-deep": rule<{ limit: number }>({
    severity: "error",
    title: "Body nests too deeply",
    message: ({ limit }) => `Quotes, lists, links or emphasis nest more than ${limit} levels deep here; the article is not published.`,
    hint: () =>
      "Look for a long run of `>`, `-`, `*`, `_` or `[` (often a pasted e-mail thread or a broken copy): flatten it, or escape the characters with `\\` to print them as they are.",
  }),
  "embed-host": rule<{ host: string }>({
    severity: "warning",
    title: "Embed from a host that is not allowed",
    message: ({ host }) => `The embedded frame from \`${host}\` is removed: that host is not allowed.`,
    hint: ({ host }) => `If \`${host}\` is trusted, add it under \`embeds:\` in site.yaml; otherwise link to the page instead.`,
  }),
  "image-missing": rule<{ src: string }>({
    severity: "error",
    title: "Picture not found beside the article",
    message: ({ src }) => `The picture \`${src}\` is not beside the article.`,
    hint: () =>
      "Keep the article as `<slug>/index.md` with its pictures in the same folder, and check the file name's spelling and capitals (`Photo.JPG` is not `photo.jpg`).",
  }),
  "image-unreadable": rule<{ src: string; reason: string }>({
    severity: "error",
    title: "Picture cannot be read",
    message: ({ src, reason }) => `The picture \`${src}\` cannot be published: ${reason}.`,
    hint: () => "Export it again as JPEG, PNG, WebP or AVIF from your photo editor and check that it opens on your computer.",
  }),
  "image-type-mismatch": rule<{ src: string; format: string; extension: string | undefined }>({
    severity: "error",
    title: "Picture's name and format disagree",
    message: ({ src, format, extension }) =>
      `The file \`${src}\` holds ${formatPhrase(format)}, but its name ${extension === undefined ? "has no extension" : `ends in \`.${extension}\``}: a picture is published only when both agree.`,
    hint: () =>
      "Name the file for what it holds (`.jpg` or `.jpeg`, `.png`, `.webp`, `.avif`, `.gif`, `.tif`, `.svg`), or export it again in the format its name says.",
  }),
  "bundle-file-ignored": rule<{ name: string }>({
    severity: "warning",
    title: "File beside the article is not published",
    message: ({ name }) => `\`${name}\` is not published: the article does not show it as a picture.`,
    hint: () =>
      "Only the pictures an article shows (`image:` in the front matter, `![…](…)` in the text) are published, as resized copies. Delete the file or keep it outside the content folder; files for every page go in `public/`.",
  }),
  "image-alt-missing": rule<{ src: string }>({
    severity: "warning",
    title: "Picture without alt text",
    message: ({ src }) => `The picture \`${src}\` has no alt text: readers who cannot see it learn nothing from it.`,
    hint: () =>
      "Say in one short sentence what the picture shows: `![Aid trucks on the Nahrin road](convoy.jpg)` in the text, or `alt:` under `image:` in the front matter.",
  }),
  "date-order": rule<{ field: string; when: string; date: string; ends: string }>({
    severity: "error",
    title: "An end before the article's date",
    message: ({ field, when, date, ends }) => `\`${field}\` is ${when}, not after the article's \`date\` (${date}): ${ends} would end before it began.`,
    hint: ({ field }) => `Set \`${field}\` to a moment after \`date\`, in the same form (\`2026-09-26T18:00:00+04:30\`), or remove it.`,
  }),
  "field-unused": rule<{ field: string; needs: string }>({
    severity: "warning",
    title: "Field that does nothing on its own",
    message: ({ field, needs }) => `\`${field}\` does nothing without ${needs} in the same front matter.`,
    hint: ({ needs }) => `Add ${needs}, or remove the field.`,
  }),
  "check-also-expired": rule<{ slug: string; when: string }>({
    severity: "warning",
    title: "Check Also points at an article taken down",
    message: ({ slug, when }) => `\`check_also\` names \`${slug}\`, which was taken down on ${when} (its \`expires\`): the box leaves it out.`,
    hint: () => "Remove the entry, or point at another article. Until then the box shows the other entries, or the best related article.",
  }),
  "breaking-several": rule<{ shown: string; until: string }>({
    severity: "warning",
    title: "Two breaking strips at once",
    message: ({ shown, until }) =>
      `This article's breaking strip is not shown: \`${shown}\` has a newer one, and the site shows one strip at a time (this one until ${until}).`,
    hint: () => "Nothing to do if the newer story matters more. Otherwise remove `breaking:` from the other article; to end this strip early, remove it here.",
  }),
  "live-heading-not-time": rule<{ heading: string }>({
    severity: "warning",
    title: "Heading in a live article that is not an update's time",
    message: ({ heading }) => `\`## ${heading}\` is not an update's time, so it starts no update: it is kept as a heading inside the update above it.`,
    hint: () => "Start each update with its time, `## 14:05` (or `## 00:15 4 December` on another day); for a heading inside an update, use `###`.",
  }),
  "live-update-order": rule<{ time: string; below: string }>({
    severity: "warning",
    title: "Live updates out of order",
    message: ({ time, below }) =>
      `The update \`## ${time}\` is earlier than the one written below it (\`## ${below}\`); the page shows updates newest first all the same.`,
    hint: () =>
      "Write each new update at the top, under the introduction. If this one is after midnight, write its day: `## 00:15 4 December` (a time alone is on the day of the update below it).",
  }),
  "live-no-updates": rule({
    severity: "warning",
    title: "Live article without updates",
    message: () => "The article has `live: true` but no update: no heading `## 14:05` in its text.",
    hint: () => "Start each update with a `## ` heading of its time in the site's time zone, newest first, e.g. `## 14:05` then its text.",
  }),
  "front-lead-several": rule<{ field: string; front: string; file: string; shown: string }>({
    severity: "warning",
    title: "Two leads for one front",
    message: ({ field, front, file, shown }) =>
      `\`${file}\` and \`${shown}\` both ask to lead ${front} (\`${field}: lead\`): \`${shown}\` is newer, so it leads, and this one is shown in the usual order.`,
    hint: ({ field }) =>
      `A front has one lead. Make this one \`${field}: featured\`, or remove \`${field}: lead\` from the other article; \`pin_until\` ends a lead at a time you choose.`,
  }),
  "front-featured-too-many": rule<{ field: string; front: string; count: number; asked: number }>({
    severity: "warning",
    title: "More featured stories than a front shows",
    message: ({ field, front, count, asked }) =>
      `${asked} articles ask to be featured on ${front} (\`${field}: featured\`), which shows ${count}: the ${count} newest are, and this older one is shown in the usual order.`,
    hint: ({ field }) => `Remove \`${field}: featured\` from the stories that matter least now, or give them a \`pin_until\` so they step down on their own.`,
  }),
} as const;

export type Catalogue = typeof catalogue;
export type RuleId = keyof Catalogue;
export type RuleArgs<R extends RuleId> = Parameters<Catalogue[R]["message"]>[0];
