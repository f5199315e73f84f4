/**
 * Where a board's open goes, for one build or an A/B of several:
 * `node bench/src/web/openTimeline.ts <dist> [<dist>…]` (from bench/).
 * Each build gets its own server and an identical map; rounds alternate the builds (A, B, A, B…)
 * in one Chromium, each open in a fresh context (nothing cached, no IndexedDB copy). Per open,
 * from the page's own clock: every request's start and end (resource timing), when the sync
 * socket was created, the first sync message, and the last phase band painted.
 *   OPEN_ROUNDS (6), OPEN_MAP=baseline|big (baseline), OPEN_LOG=1 prints each build's first
 *   open request by request.
 */
import { launchChromium } from "@journeymap/testkit";
import type { Browser } from "playwright-core";
import { benchContext } from "./context.ts";
import { boardUrl, VIEWPORT } from "./measures.ts";
import { type FirstRender, installProbes, watchFirstRender } from "./pageScripts.ts";
import { type SeededMap, seedMap } from "./seed.ts";
import { startWebServer, type WebServer } from "./server.ts";
import { summarize } from "./stats.ts";
import { BASELINE, BIG } from "./webBench.ts";

interface Request {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

interface Open extends FirstRender {
  readonly requests: readonly Request[];
  /** performance.now() when the page created its first WebSocket. */
  readonly socketAt: number;
  /** The renderer's main thread: CPU time and script time over the open (ms). */
  readonly cpu: number;
  readonly script: number;
}

/** Init script: the time the page creates its first WebSocket (the provider's). */
function stampSocket(): void {
  const w = globalThis as typeof globalThis & { __socketAt?: number };
  const Tapped = w.WebSocket;
  w.WebSocket = class extends Tapped {
    constructor(url: string | URL, protocols?: string | string[]) {
      w.__socketAt ??= performance.now();
      super(url, protocols);
    }
  };
}

async function open(browser: Browser, server: WebServer, map: SeededMap): Promise<Open> {
  const context = await benchContext(browser, VIEWPORT);
  try {
    await context.addInitScript(installProbes);
    await context.addInitScript(stampSocket);
    await context.addInitScript(watchFirstRender, map.phaseIds[map.phaseIds.length - 1]!);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.goto(boardUrl(server.url, map));
    const timeline = await page.evaluate(async () => {
      const w = globalThis as unknown as {
        __firstRender: Promise<FirstRender>;
        __socketAt: number;
      };
      const rendered = await w.__firstRender;
      const requests = performance.getEntriesByType("resource").map((e) => {
        const r = e as PerformanceResourceTiming;
        return { name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd };
      });
      return { ...rendered, requests, socketAt: w.__socketAt };
    });
    // Read after the paint; the little done since (this call) is the same for every build.
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { ...timeline, cpu: metric("ThreadTime"), script: metric("ScriptDuration") };
  } finally {
    await context.close();
  }
}

const ms = (n: number) => `${Math.round(n)}`.padStart(5);

/** The figures of one open that say where the time went. */
function phases(o: Open) {
  const assets = o.requests.filter((r) => r.name.startsWith("/assets/"));
  // A request still in flight at the paint has no resource entry yet: it did not hold the paint.
  const api = (path: string) =>
    o.requests.find((r) => r.name === path)?.start ?? Number.POSITIVE_INFINITY;
  return {
    assets: assets.length,
    lastAsset: Math.max(...assets.map((r) => r.end)),
    me: api("/api/me"),
    socket: o.socketAt,
    firstMessage: o.firstMessage,
    painted: o.painted,
    cpu: o.cpu,
    script: o.script,
  };
}

function printTimeline(label: string, o: Open): void {
  console.log(`\n${label}: one open, request by request (ms from navigation start)`);
  const rows = [...o.requests].sort((a, b) => a.start - b.start);
  for (const r of rows) console.log(`  ${ms(r.start)} → ${ms(r.end)}  ${r.name}`);
  console.log(`  ${ms(o.domContentLoaded)}          DOMContentLoaded`);
  console.log(`  ${ms(o.socketAt)}          sync socket created`);
  console.log(`  ${ms(o.firstMessage)}          first sync message`);
  console.log(`  ${ms(o.inDom)}          last phase band in the DOM`);
  console.log(`  ${ms(o.painted)}          painted`);
}

const dists = process.argv.slice(2);
if (dists.length === 0) throw new Error("usage: openTimeline.ts <dist> [<dist>…]");
const rounds = Number(process.env.OPEN_ROUNDS ?? 6);
const size = process.env.OPEN_MAP === "big" ? BIG : BASELINE;

const servers: WebServer[] = [];
const maps: SeededMap[] = [];
const browser = await launchChromium();
try {
  for (const dist of dists) {
    const server = await startWebServer(dist);
    servers.push(server);
    maps.push(await seedMap(server.url, size.phases, size.touchpoints));
  }
  const opens: Open[][] = dists.map(() => []);
  // Warm-up per build: server caches, Chromium's code cache.
  for (const [i] of dists.entries()) await open(browser, servers[i]!, maps[i]!);
  for (let round = 0; round < rounds; round++)
    for (const [i] of dists.entries()) opens[i]!.push(await open(browser, servers[i]!, maps[i]!));
  for (const [i, dist] of dists.entries()) {
    if (process.env.OPEN_LOG === "1") printTimeline(dist, opens[i]![0]!);
    const all = opens[i]!.map(phases);
    const line = (key: keyof ReturnType<typeof phases>) => {
      const s = summarize(all.map((p) => p[key]));
      return `${key} ${Math.round(s.median)}`;
    };
    console.log(
      `${dist} (${size.phases}×${size.touchpoints}, median of ${rounds}): ` +
        ["assets", "lastAsset", "me", "socket", "firstMessage", "painted", "cpu", "script"]
          .map((k) => line(k as keyof ReturnType<typeof phases>))
          .join(", "),
    );
    console.log(`  painted per round: ${all.map((p) => Math.round(p.painted)).join(" ")}`);
  }
} finally {
  for (const m of maps) m.close();
  await browser.close();
  for (const s of servers) await s.stop();
}
