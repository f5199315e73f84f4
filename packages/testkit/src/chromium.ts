/**
 * Debian's Chromium driven by playwright-core, for e2e specs and the browser benchmarks. Missing
 * Chromium fails loudly in CI and skips (with a message) elsewhere (services.ts).
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { skipOrFail } from "./services.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const missing = `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)`;
  return skipOrFail("browser", missing);
}

/**
 * Headless, without the sandbox (containers) and without anything that phones home. In a UTF-8
 * locale like a person's desktop: CI runs with no LANG, and Chromium in the C locale names every
 * download with a non-ASCII character in it "download".
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: { ...process.env, LANG: process.env.LANG || "C.UTF-8" },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}
