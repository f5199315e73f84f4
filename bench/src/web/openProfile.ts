/**
 * What the page's main thread does while a board opens:
 * `node bench/src/web/openProfile.ts <dist> [<out.cpuprofile>]` (from bench/; an unminified
 * build keeps the names). One warm-up open, then one profiled open in a fresh context, from
 * navigation to the last phase band painted: the V8 sampling profile (250 µs), its self time by
 * function and its inclusive time by source file, and the idle time in it (waiting, not work).
 *   OPEN_MAP=baseline|big (baseline)
 */
import { writeFileSync } from "node:fs";
import { launchChromium } from "@journeymap/testkit";
import type { Browser } from "playwright-core";
import { benchContext } from "./context.ts";
import { boardUrl, VIEWPORT } from "./measures.ts";
import { type FirstRender, installProbes, watchFirstRender } from "./pageScripts.ts";
import { type SeededMap, seedMap } from "./seed.ts";
import { startWebServer } from "./server.ts";
import { BASELINE, BIG } from "./webBench.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function profiledOpen(browser: Browser, baseUrl: string, map: SeededMap) {
  const context = await benchContext(browser, VIEWPORT);
  try {
    await context.addInitScript(installProbes);
    await context.addInitScript(watchFirstRender, map.phaseIds[map.phaseIds.length - 1]!);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
    await cdp.send("Profiler.start");
    await page.goto(boardUrl(baseUrl, map));
    const rendered = await page.evaluate(
      () => (globalThis as unknown as { __firstRender: Promise<FirstRender> }).__firstRender,
    );
    const { profile } = await cdp.send("Profiler.stop");
    return { rendered, profile: profile as unknown as Profile };
  } finally {
    await context.close();
  }
}

/** Milliseconds of samples per function (self) and per source file (inclusive, once per stack). */
function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [i, id] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    const frame = node.callFrame;
    const file = frame.url.split("/").pop() ?? "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name =
        byId.get(at)!.callFrame.url.split("/").pop() || byId.get(at)!.callFrame.functionName;
      if (seen.has(name)) continue;
      seen.add(name);
      files.set(name, (files.get(name) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { self: top(self, 30), files: top(files, 25) };
}

const [dist, out] = process.argv.slice(2);
if (!dist) throw new Error("usage: openProfile.ts <dist> [<out.cpuprofile>]");
const size = process.env.OPEN_MAP === "big" ? BIG : BASELINE;
const server = await startWebServer(dist);
const browser = await launchChromium();
const map = await seedMap(server.url, size.phases, size.touchpoints);
try {
  await profiledOpen(browser, server.url, map);
  const { rendered, profile } = await profiledOpen(browser, server.url, map);
  if (out) writeFileSync(out, JSON.stringify(profile));
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(
    `open of ${size.phases}×${size.touchpoints}: DOMContentLoaded ${Math.round(rendered.domContentLoaded)} ms, ` +
      `first message ${Math.round(rendered.firstMessage)}, in the DOM ${Math.round(rendered.inDom)}, ` +
      `painted ${Math.round(rendered.painted)}; profile ${Math.round(total)} ms`,
  );
  const { self, files } = summarize(profile);
  console.log("\nself time by function (ms):");
  for (const [k, v] of self) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log("\ninclusive time by source file (ms):");
  for (const [k, v] of files) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
} finally {
  map.close();
  await browser.close();
  await server.stop();
}
