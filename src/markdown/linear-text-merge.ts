/**
 * Adjacent `data` tokens merged in time linear in the paragraph. Every
 * construct attempt that fails in running text (a `]` with no link after it,
 * a `[ ]` that is no task box) leaves its characters as a data token of their
 * own beside the one before; micromark's text resolver (`resolveAllText` in
 * `micromark/lib/initialize/text.js`) then merges each run with a `splice`
 * into the whole event list of the paragraph. A paragraph of `[a](`, `![a](`
 * or `- [ ] ` repeated makes one run per repetition: time quadratic in its
 * length.
 *
 * This merges every run in one in-place pass before micromark's resolver
 * runs, which then finds nothing to merge and goes on to its own extra step
 * (trailing spaces and hard breaks) as before: the same events, the same
 * token objects. The module is not in micromark's package exports, so it is
 * loaded by its file URL next to micromark's entry point, which Node maps to
 * the very module instance micromark's parser imported; a check below proves
 * that against the parser's own construct table rather than trusting it.
 *
 * Imported once, for its effect, by the parser.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Event, InitialConstruct, Resolver } from "micromark-util-types";

/** Merge each run of adjacent data tokens into its first, in place: the first token ends where the run ends. */
export function mergeAdjacentData(events: Event[]): Event[] {
  let write = 0;
  let read = 0;
  while (read < events.length) {
    const event = events[read++]!;
    events[write++] = event;
    if (event[0] !== "enter" || event[1].type !== "data") continue;
    // A data token's exit follows its enter; each data pair after that folds into it.
    events[write++] = events[read++]!;
    let lastExit: Event | undefined;
    while (read < events.length && events[read]![1].type === "data") {
      lastExit = events[read + 1];
      read += 2;
    }
    if (lastExit) event[1].end = lastExit[1].end;
  }
  events.length = write;
  return events;
}

interface TextModule {
  readonly text: InitialConstruct;
  readonly string: InitialConstruct;
  readonly resolver: { resolveAll: Resolver };
}

const require = createRequire(import.meta.url);
const fromMarkdownEntry = require.resolve("mdast-util-from-markdown");
const micromarkEntry = createRequire(fromMarkdownEntry).resolve("micromark");
const textModuleUrl = pathToFileURL(join(dirname(micromarkEntry), "lib", "initialize", "text.js")).href;
const textModule = (await import(textModuleUrl)) as TextModule;
const { parse } = (await import(pathToFileURL(micromarkEntry).href)) as typeof import("micromark");

const insideSpan = parse().constructs.insideSpan?.null ?? [];
if (!insideSpan.includes(textModule.resolver as never)) {
  throw new Error(`micromark's text resolver at ${textModuleUrl} is not the one its parser uses: the linear data merge cannot be installed`);
}

const constructs = [textModule.text, textModule.string, textModule.resolver];
const upstreams = constructs.map((construct) => {
  const upstream = construct.resolveAll;
  if (!upstream) throw new Error(`micromark's text construct at ${textModuleUrl} has no resolver to make linear`);
  return upstream;
});
const linear = upstreams.map(
  (upstream): Resolver =>
    (events, context) =>
      upstream(mergeAdjacentData(events), context),
);
const install = (resolvers: readonly Resolver[]): void => constructs.forEach((construct, i) => (construct.resolveAll = resolvers[i]));
install(linear);

/** Run `work` with micromark's own data merge, for tests that compare the two. */
export function withUpstreamTextMerge<T>(work: () => T): T {
  install(upstreams);
  try {
    return work();
  } finally {
    install(linear);
  }
}
