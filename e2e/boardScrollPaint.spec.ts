/**
 * Scrolling the board repaints only the board (issue 15, B12). The window around the board (the
 * header and the view bar with its minimap) is the page's root compositor layer, 1600 × 1000 on
 * a desktop: repainting it on every scroll frame cost the main thread Paint, Layerize and Commit
 * work on each frame of a scroll. Chromium's LayerTree domain counts paints per layer; this test
 * scrolls a windowed board step by step and counts the root layer's paints.
 */
import type { CDPSession, Page } from "playwright-core";
import { expect, it } from "vitest";
import { importMap } from "./support/server.ts";
import { describeInBrowser } from "./support/session.ts";

const VIEWPORT = { width: 1600, height: 1000 };
const STEPS = 60;

/** A map long enough to scroll far (60 steps in 6 phases), as a CSV of touchpoints. */
function longMapCsv(): string {
  const rows = ["Phase,Touchpoint,Channel,Action"];
  for (let n = 1; n <= STEPS; n++)
    rows.push(`Phase ${Math.ceil(n / 10)},Step ${n},Website,Does ${n}`);
  return `${rows.join("\n")}\n`;
}

interface Layer {
  readonly layerId: string;
  readonly width: number;
  readonly height: number;
  readonly drawsContent: boolean;
  readonly paintCount: number;
}

/** The page's layers as Chromium last reported them (LayerTree.layerTreeDidChange). */
async function watchLayers(cdp: CDPSession): Promise<() => readonly Layer[]> {
  let layers: readonly Layer[] = [];
  cdp.on("LayerTree.layerTreeDidChange", (e: { layers?: Layer[] }) => {
    if (e.layers) layers = e.layers;
  });
  await cdp.send("LayerTree.enable");
  return () => layers;
}

/** The root layer: the one that paints the whole window (header, view bar, minimap). */
const rootPaints = (layers: readonly Layer[]) =>
  layers
    .filter((l) => l.drawsContent && l.width === VIEWPORT.width && l.height === VIEWPORT.height)
    .reduce((sum, l) => sum + l.paintCount, 0);

/** Two frames: the scroll's frame has been painted and its layers reported. */
const afterFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))),
      ),
  );

describeInBrowser("board scrolling and paint", (session) => {
  it("scrolls the board without repainting the window around it, minimap included", async () => {
    const map = await importMap(session.server, "csv", longMapCsv(), "Scroll paint");
    const { board } = await session.openBoard(map.id, map.token, {
      name: "Ana",
      viewport: VIEWPORT,
    });
    const page = board.page;
    const frame = page.getByTestId("board.minimap").locator(".minimap-view");
    await frame.waitFor();
    const scroller = page.locator(".board-scroll");
    const cdp = await page.context().newCDPSession(page);
    const layers = await watchLayers(cdp);
    await afterFrames(page);
    await expect.poll(() => rootPaints(layers())).toBeGreaterThan(0);
    const frameX = async () => (await frame.boundingBox())!.x;
    const startX = await frameX();
    const before = rootPaints(layers());

    const SCROLLS = 12;
    for (let i = 0; i < SCROLLS; i++) {
      await scroller.evaluate((el) => el.scrollBy({ left: 400 }));
      await afterFrames(page);
    }
    // The minimap's frame followed the scroll…
    await expect.poll(frameX).toBeGreaterThan(startX + 10);
    // …without a repaint of the root layer per scroll (one for something unrelated, such as a
    // cursor blink, is allowed).
    expect(rootPaints(layers()) - before).toBeLessThanOrEqual(2);
    await cdp.detach();
  });
});
