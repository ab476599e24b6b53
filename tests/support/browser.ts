import { type Browser, chromium } from "playwright-core";
import { findChromium, installHint } from "./find-browser.mjs";

/** The system's Chromium (installed by the tests' global setup where none is found); a browser is never downloaded. */
export const CHROMIUM = findChromium();

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Chromium; Playwright gives each launch a fresh, temporary user-data folder. */
export async function launchChromium(): Promise<Browser> {
  if (CHROMIUM === undefined) throw new Error(`no Chromium found: ${installHint()}`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;
