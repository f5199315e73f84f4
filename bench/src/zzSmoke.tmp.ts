// Throwaway smoke run of the bench harness (deleted after use).
import { launchChromium } from "@journeymap/testkit";
import { buildHistoryMap } from "./history/historyBench.ts";
import { connectClient, createBenchMap } from "./sync/clients.ts";
import { startJourneymap, startReference } from "./sync/processes.ts";
import { bigMap, burst, coldLoad, fanout, idleMemory } from "./sync/syncBench.ts";
import { openBoard } from "./web/measures.ts";
import { seedMap } from "./web/seed.ts";
import { startWebServer } from "./web/server.ts";

const t = performance.now();
const log = (s: string) => console.log(`${((performance.now() - t) / 1000).toFixed(1)}s ${s}`);
for (const kind of ["journeymap", "reference"] as const) {
  log(`fanout ${kind} ${JSON.stringify(await fanout(kind, 4, 2, 1))}`);
  log(`idle ${kind} ${await idleMemory(kind, 10)}`);
}
const ours = await burst("journeymap", 2000);
log(`burst ${ours.rate.toFixed(0)}/s`);
const dataDir = ours.server!.dataDir!;
await ours.server!.shutdown();
log(`cold ${await coldLoad(dataDir, ours.map)} ms`);
const big = await bigMap(256 * 1024);
log(`cold big ${await coldLoad(big.dataDir, big.map)} ms`);
const ref = await startReference();
const m = await createBenchMap(ref, 0);
(await connectClient(ref, m)).destroy();
await ref.stop();
const j = await startJourneymap();
await j.stop();

const web = await startWebServer("/tmp/tests/webdist");
const seeded = await seedMap(web.url, 3, 12);
const browser = await launchChromium();
const page = await openBoard(browser, web.url, seeded);
log(`board opened: ${await page.title()}`);
seeded.close();
await browser.close();
await web.stop();

const built = await buildHistoryMap(300, 50);
log(`history map ${built.updates} updates`);
const histDir = built.server.dataDir!;
await built.server.shutdown();
const served = await startWebServer("/tmp/tests/webdist", { dataDir: histDir });
const res = await fetch(`${served.url}/api/maps/${built.mapId}/timeline`, {
  headers: { authorization: `Bearer ${built.token}` },
});
log(`timeline ${res.status}`);
await served.stop();
log("done");
