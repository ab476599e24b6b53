import { smartText } from "../markdown/typography.ts";
import { trimSummary } from "../text/display.ts";

/**
 * The editor's words as readers see them: headlines and summaries with
 * their typography set (src/markdown/typography.ts) wherever they are shown,
 * from one place, the card. Addresses are made from the file name, never
 * from these.
 */
export const displayTitle = smartText;

/** A card's summary: the editor's, else the body's first paragraph (set already by the body pipeline) cut at a sentence. */
export function cardSummary(summary: string | undefined, firstParagraph: string | undefined): string {
  return summary === undefined ? trimSummary(firstParagraph ?? "") : smartText(summary);
}

/** The standfirst under an article's headline: only ever the editor's summary, never one made from the body. */
export function standfirstOf(summary: string | undefined): string | undefined {
  return summary === undefined ? undefined : smartText(summary.trim());
}
