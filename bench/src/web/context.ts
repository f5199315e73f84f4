/**
 * A fresh browser context as the benchmarks use it: nothing cached, no IndexedDB copy, no
 * service worker, and a display name already given (a guest who came by a link is asked for
 * one before the board opens; the benchmarks measure the board, not that dialog).
 */
import type { Browser, BrowserContext } from "playwright-core";

export async function benchContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, serviceWorkers: "block" });
  await context.addInitScript(() => {
    if (localStorage.getItem("journeymap.name") === null)
      localStorage.setItem("journeymap.name", "Bench");
  });
  return context;
}
