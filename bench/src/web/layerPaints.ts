/**
 * `node bench/src/web/layerPaints.ts <dist> [<css> …]`: which compositor layers repaint while the
 * 30 × 300 board scrolls. Chromium's LayerTree domain counts paints per layer (`paintCount`);
 * the layers are listed before and after a wheel scroll of `SECONDS` (4), with the element each
 * belongs to and why it is composited, sorted by paints during the scroll. With CSS variants the
 * page gets each stylesheet in turn (as `paintTrace.ts` does). A layer that repaints about once
 * per frame is what makes every scroll frame run Paint on the main thread.
 */
import type { CDPSession, Page } from "playwright-core";
import { withBigMap } from "./bigMapSession.ts";
import { injectStyle } from "./injectStyle.ts";
import { scrollEndToEnd } from "./measures.ts";

interface Layer {
  layerId: string;
  parentLayerId?: string;
  backendNodeId?: number;
  width: number;
  height: number;
  paintCount: number;
  drawsContent: boolean;
  scrollRects?: { type: string }[];
}

const [dist, ...variantArgs] = process.argv.slice(2) as [string, ...string[]];
const variants = variantArgs.length > 0 ? variantArgs : [""];
const seconds = Number(process.env.SECONDS ?? 4);

async function describe(cdp: CDPSession, backendNodeId: number | undefined): Promise<string> {
  if (backendNodeId === undefined) return "(no node)";
  try {
    const { node } = await cdp.send("DOM.describeNode", { backendNodeId });
    const attrs = node.attributes ?? [];
    const get = (name: string) => {
      const i = attrs.indexOf(name);
      return i >= 0 ? attrs[i + 1] : undefined;
    };
    const cls = get("class");
    const testId = get("data-testid");
    return `${node.nodeName.toLowerCase()}${cls ? `.${cls.split(/\s+/).join(".")}` : ""}${testId ? `[${testId}]` : ""}`;
  } catch {
    return `(node ${backendNodeId})`;
  }
}

async function measure(page: Page, cdp: CDPSession, css: string, latest: () => Layer[]) {
  await injectStyle(page, css);
  await page.locator(".board-scroll").evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
  await new Promise((r) => setTimeout(r, 1000));
  const before = new Map(latest().map((l) => [l.layerId, l.paintCount]));
  const run = await scrollEndToEnd(page, 240, seconds);
  await new Promise((r) => setTimeout(r, 300));
  const after = latest();
  console.log(
    `\n[${css || "as built"}] ${run.frames} frames, ${run.fps.toFixed(1)} fps, p95 ${run.p95Ms.toFixed(1)} ms, ${Math.round(run.reachedPx)} px; ${after.length} layers`,
  );
  const rows = await Promise.all(
    after.map(async (l) => {
      const paints = l.paintCount - (before.get(l.layerId) ?? 0);
      let reasons: string[] = [];
      try {
        reasons = (await cdp.send("LayerTree.compositingReasons", { layerId: l.layerId }))
          .compositingReasons;
      } catch {}
      return { l, paints, reasons, node: await describe(cdp, l.backendNodeId) };
    }),
  );
  for (const r of rows.sort((a, b) => b.paints - a.paints).slice(0, Number(process.env.TOP ?? 25)))
    console.log(
      `  ${String(r.paints).padStart(5)} paints  ${r.l.width}×${r.l.height}${r.l.drawsContent ? "" : " (no content)"}  ${r.node}  [${r.reasons.join(", ")}]`,
    );
}

await withBigMap(dist, async ({ context, page, open }) => {
  await open();
  await new Promise((r) => setTimeout(r, 1500));
  const cdp = await context.newCDPSession(page);
  await cdp.send("DOM.getDocument", { depth: -1 });
  let layers: Layer[] = [];
  cdp.on("LayerTree.layerTreeDidChange", (e: { layers?: Layer[] }) => {
    if (e.layers) layers = e.layers;
  });
  await cdp.send("LayerTree.enable");
  for (const css of variants) await measure(page, cdp, css, () => layers);
});
