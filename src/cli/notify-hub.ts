import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PlainError } from "./failure.ts";

/**
 * After a deploy, tell the WebSub hub each feed names that the feed has
 * changed, so subscribers' readers fetch it at once instead of at their next
 * poll. The feeds say which hub (site.yaml's `feeds.hub`); a feed naming
 * none is left alone. The hub fetches the feed itself: this only names it.
 */

export interface HubTopic {
  /** The hub's address, from the feed's `rel="hub"` link. */
  readonly hub: string;
  /** The feed's own address, its `rel="self"` link: what subscribers subscribed to. */
  readonly topic: string;
}

const FEED_FILES = new Set(["feed.xml", "rss.xml", "feed.json"]);

/** Every feed under `outDir` that names a hub, in path order. */
export async function hubTopics(outDir: string): Promise<HubTopic[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && FEED_FILES.has(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const topics: HubTopic[] = [];
  for (const file of files) {
    const found = linksOf(path.basename(file), await readFile(file, "utf8"));
    if (found !== undefined) topics.push(found);
  }
  return topics;
}

/** The hub and self links of one feed, read from its head (before the first item). */
export function linksOf(name: string, text: string): HubTopic | undefined {
  if (name === "feed.json") {
    const feed = JSON.parse(text) as { feed_url?: unknown; hubs?: { type?: unknown; url?: unknown }[] };
    const hub = feed.hubs?.find((h) => typeof h.url === "string" && String(h.type).toLowerCase() === "websub")?.url;
    return typeof hub === "string" && typeof feed.feed_url === "string" ? { hub, topic: feed.feed_url } : undefined;
  }
  const head = text.slice(0, text.search(/<(entry|item)>|$/));
  const link = (rel: string) => {
    for (const tag of head.match(/<(?:atom:)?link\b[^>]*>/g) ?? []) {
      if (new RegExp(`\\brel="${rel}"`).test(tag)) return unescapeXml(/\bhref="([^"]*)"/.exec(tag)?.[1] ?? "");
    }
    return undefined;
  };
  const hub = link("hub");
  const topic = link("self");
  return hub && topic ? { hub, topic } : undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * Send each topic's publish ping (`hub.mode=publish`, `hub.url=<feed>`),
 * one at a time so a hub is not flooded. A hub that refuses or cannot be
 * reached stops the command with its words: the deploy itself is done.
 */
export async function notifyHubs(topics: readonly HubTopic[], send: typeof fetch = fetch): Promise<number> {
  for (const { hub, topic } of topics) {
    let response: Response;
    try {
      response = await send(hub, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString(),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new PlainError(
        `the WebSub hub ${hub} could not be reached to announce ${topic} (${error instanceof Error ? error.message : String(error)}). The site is deployed; feed readers will see the change at their next poll.`,
        { cause: error },
      );
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new PlainError(
        `the WebSub hub ${hub} answered ${response.status} ${response.statusText} to the announcement of ${topic}. The site is deployed; feed readers will see the change at their next poll.`,
      );
    }
  }
  return topics.length;
}
