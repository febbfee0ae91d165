// Headless Debian Chromium for browser tests, driven by playwright-core.
//
// Without Chromium the browser suites skip with a loud message, except under CI=true, where a
// missing browser is a failure: a skipped check must never pass for a green one.
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  const msg = `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`.`;
  if (process.env.CI === "true") throw new Error(`${msg} Browser tests cannot be skipped under CI=true.`);
  console.warn(`\n!!! BROWSER TESTS SKIPPED !!! ${msg}\n`);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
