/**
 * The map list's pictures (issue 15, B11): the new-map form previews the templates, and a map
 * this browser has opened shows a thumbnail of its phases, steps and curve.
 */
import { findTemplate } from "@journeymap/schema";
import { expect, it } from "vitest";
import { BoardPage } from "./support/BoardPage.ts";
import { SCREENSHOTS } from "./support/browser.ts";
import { describeInBrowser } from "./support/session.ts";

const TEMPLATES = ["default", "saas-trial", "ecommerce-purchase", "support-ticket"] as const;

describeInBrowser("map list pictures", (session) => {
  it("previews each template in the new-map form, and picking one sets the template", async () => {
    const context = await session.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(session.server.url);
    const previews = page.getByTestId("maps.template-preview");
    await previews.first().waitFor();
    for (const id of TEMPLATES) {
      const template = findTemplate(id)!;
      const preview = previews.filter({ hasText: template.name });
      // A band per phase and a block per step: the template's own shape.
      expect(await preview.locator(".map-silhouette-step").count()).toBe(
        template.phases.flatMap((p) => p.touchpoints).length,
      );
      expect(await preview.locator("polyline").count()).toBe(1);
    }
    const saas = previews.filter({ hasText: findTemplate("saas-trial")!.name });
    await saas.click();
    expect(await saas.getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByLabel("Template").inputValue()).toBe("saas-trial");
    await page.screenshot({ path: `${SCREENSHOTS}/new-map-templates.png` });
  });

  it("shows a thumbnail of each map this browser has opened", async () => {
    const context = await session.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const made: string[] = [];
    for (const template of TEMPLATES) {
      const map = await session.createMap(findTemplate(template)!.title, template);
      await new BoardPage(page).open(session.server.url, map.id, map.token);
      await new BoardPage(page).settled({ timeout: 15_000 });
      made.push(map.id);
    }
    await page.goto(session.server.url);
    for (const [i, id] of made.entries()) {
      const card = page.locator(`[data-testid="maps.item"][data-map-id="${id}"]`);
      const thumbnail = card.getByTestId("maps.thumbnail");
      await thumbnail.waitFor({ timeout: 15_000 });
      const template = findTemplate(TEMPLATES[i]!)!;
      expect(await thumbnail.locator(".map-silhouette-step").count()).toBe(
        template.phases.flatMap((p) => p.touchpoints).length,
      );
    }
    await page.screenshot({ path: `${SCREENSHOTS}/map-list-thumbnails.png`, fullPage: true });
  }, 180_000);
});
