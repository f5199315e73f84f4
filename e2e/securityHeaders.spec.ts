/**
 * The Content-Security-Policy in a real browser: the built app loads under it, syncs over the
 * same-origin socket, keeps working offline data in IndexedDB and exports (blob: images), and
 * the browser reports no violation on the way.
 */
import { ROLE } from "@journeymap/protocol";
import type { BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { describeInBrowser } from "./support/session.ts";

/** Every CSP violation and CSP console message of the pages of `context`. */
async function watchViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  const pages: Page[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI}`),
    );
  });
  context.on("page", (page) => {
    pages.push(page);
    page.on("console", (message) => {
      if (/content security policy/i.test(message.text())) seen.push(message.text());
    });
  });
  return async () => {
    for (const page of pages) {
      if (page.isClosed()) continue;
      seen.push(
        ...(await page.evaluate(
          () => (window as unknown as { cspViolations: string[] }).cspViolations,
        )),
      );
    }
    return seen;
  };
}

describeInBrowser("security headers in the browser", (session) => {
  it("H17: the app loads, syncs and exports under its CSP with no violation", async () => {
    const map = await session.createMap("Under CSP");
    const ownerContext = await session.newContext();
    const ownerViolations = await watchViolations(ownerContext);
    const ownerPage = await ownerContext.newPage();
    const response = await ownerPage.goto(`${session.server.url}/`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const owner = new BoardPage(ownerPage);
    await owner.open(session.server.url, map.id, map.token);

    const editorContext = await session.newContext();
    const editorViolations = await watchViolations(editorContext);
    const editor = new BoardPage(await editorContext.newPage());
    await editor.open(session.server.url, map.id, await session.shareToken(map, ROLE.editor));

    await owner.addTouchpoint("Purchase", "Pays under a CSP");
    await editor.page
      .getByTestId("board.touchpoint-name")
      .getByText("Pays under a CSP", { exact: true })
      .waitFor();

    await owner.page.getByTestId("board.export").click();
    const [png] = await Promise.all([
      owner.page.waitForEvent("download"),
      owner.page.getByTestId("export.png").click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    expect([...(await ownerViolations()), ...(await editorViolations())]).toEqual([]);
  });
});
