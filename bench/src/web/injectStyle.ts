import type { Page } from "playwright-core";

/**
 * Puts `css` into the page in one style element of its own (replaced on each call), so a probe
 * can compare the board with and without a rule in one session.
 */
export async function injectStyle(page: Page, css: string): Promise<void> {
  await page.evaluate((text) => {
    let style = document.getElementById("ab-style");
    if (!style) {
      style = document.createElement("style");
      style.id = "ab-style";
      document.head.append(style);
    }
    style.textContent = text;
  }, css);
}
