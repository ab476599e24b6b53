import { ensureChromium } from "./find-browser.mjs";

/**
 * Before any test: a browser for the browser tests, found or installed
 * (find-browser.mjs), so that `npm test` passes on a fresh machine by itself
 * and stops at once, with the command to run, where it cannot.
 */
export default function setup(): void {
  ensureChromium();
}
