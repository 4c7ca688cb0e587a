/**
 * Debian's Chromium as the Node tests drive it (the slip's PDF and its odd texts), with the flags
 * the end-to-end suite uses (playwright.config.ts): no sandbox in a container, no GPU, nothing
 * fetched in the background.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
