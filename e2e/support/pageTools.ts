/** What library specs do on a page: screenshots at both sizes, JSON calls with its session. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS } from "./browser.ts";

/** Where every screenshot goes, at both sizes (for looking at a run). */
export const SHOTS = "/tmp/shots";
export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

/** The page at 1280×800 and 1024×768 into SHOTS; with `docs`, the 1280 one into the docs too. */
export async function shoot(page: Page, name: string, { docs = false } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150); // a layout pass after the resize
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
    if (docs && size.width === 1280)
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

/** A JSON request from the page (its session cookie, its origin). */
export function callFromPage<T>(
  page: Page,
  method: string,
  url: string,
  body: unknown,
): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { method, url, body },
  ) as Promise<T>;
}
