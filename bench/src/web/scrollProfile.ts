/**
 * `node bench/src/web/scrollProfile.ts <unminified dist> <out.cpuprofile>`: a V8 CPU profile of
 * opening the 30 × 300 board and of a wheel scroll, saved raw for inclusive-time analysis.
 */
import { writeFileSync } from "node:fs";
import { withBigMap } from "./bigMapSession.ts";
import { scrollEndToEnd } from "./measures.ts";

const [dist, out] = process.argv.slice(2) as [string, string];
await withBigMap(dist, async ({ context, page, open }) => {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Profiler.start");
  await open();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const opening = await cdp.send("Profiler.stop");
  writeFileSync(`${out}.open.cpuprofile`, JSON.stringify(opening.profile));
  await new Promise((r) => setTimeout(r, 1500));
  await cdp.send("Profiler.start");
  const run = await scrollEndToEnd(page, 240, Number(process.env.SECONDS ?? 8));
  const scroll = await cdp.send("Profiler.stop");
  writeFileSync(`${out}.scroll.cpuprofile`, JSON.stringify(scroll.profile));
  console.log(`scrolled ${run.reachedPx} px, ${run.fps.toFixed(1)} fps`);
});
