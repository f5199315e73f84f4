/**
 * The browser for e2e specs (testkit's Chromium, which skips with a message where it is
 * missing), and the folders their screenshots land in.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launchChromium, REPO_ROOT } from "@journeymap/testkit";
import type { Browser } from "playwright-core";

export { chromiumAvailable } from "@journeymap/testkit";

/** Screenshots for looking at a run (gitignored). */
export const ARTIFACTS = path.join(REPO_ROOT, "e2e/artifacts");
/** Screenshots the docs show, refreshed by the specs that take them. */
export const SCREENSHOTS = path.join(REPO_ROOT, "docs/screenshots");

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}
