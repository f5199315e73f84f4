/**
 * What a history move changes in the page's DOM (run by hand): per kind of scrubber move on the
 * stored 50,000-edit map, the DOM mutations counted by a MutationObserver on the history board
 * and its side panel (nodes added and removed by tag and class, attributes set by name, text
 * changed). BENCH_WEB_DIST: the build; BENCH_HISTORY_STORE as historyProfile.ts.
 *   node bench/src/history/historyMutations.ts [rounds=5]
 */
import { benchContext } from "../web/context.ts";
import { openAtLastEdit, VIEWPORT } from "./historyBrowser.ts";
import { servedHistory } from "./servedHistory.ts";
import { scrubTo } from "./historyPageScripts.ts";

const rounds = Number(process.argv[2] ?? 5);
const { m, browser, stop } = await servedHistory();
try {
  const { seq: last, stops } = m;
  const context = await benchContext(browser, VIEWPORT);
  await context.addInitScript({ content: `globalThis.__scrubTo = ${scrubTo.toString()};` });
  const page = await context.newPage();
  await openAtLastEdit(page, m);
  const to = (target: number) =>
    page.evaluate(async (t) => {
      const counts: Record<string, number> = {};
      const add = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
      const what = (n: Node) =>
        n instanceof Element
          ? `${n.tagName.toLowerCase()}.${(n.getAttribute("class") ?? "").split(" ")[0]}`
          : n.nodeName;
      const where = (n: Node) => {
        const el = n instanceof Element ? n : n.parentElement;
        return el?.closest(".history-board") ? "board" : "page";
      };
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const w = where(r.target);
          if (r.type === "attributes") add(`${w} attr ${r.attributeName}`);
          else if (r.type === "characterData") add(`${w} text`);
          else {
            for (const n of r.addedNodes) add(`${w} + ${what(n)}`);
            for (const n of r.removedNodes) add(`${w} - ${what(n)}`);
          }
        }
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      const g = globalThis as unknown as {
        __scrubTo: (t: number) => Promise<{ complete: number }>;
      };
      const timing = await g.__scrubTo(t);
      observer.takeRecords();
      observer.disconnect();
      return {
        counts,
        complete: timing.complete,
        nodes: document.querySelectorAll(".history-board *").length,
      };
    }, target);
  const totals: Record<string, Record<string, number>> = {};
  const n: Record<string, number> = {};
  let boardNodes = 0;
  const move = async (kind: string | null, target: number) => {
    const r = await to(target);
    boardNodes = r.nodes;
    if (!kind) return;
    n[kind] = (n[kind] ?? 0) + 1;
    totals[kind] ??= {};
    for (const [k, v] of Object.entries(r.counts)) totals[kind][k] = (totals[kind][k] ?? 0) + v;
  };
  for (const t of [last - 1, Math.floor(last / 2), Math.floor(last / 2) + 1]) await move(null, t);
  let at = Math.floor(last / 2) + 1;
  for (let r = 0; r < rounds; r++) {
    at = 1 + Math.floor(Math.random() * (last - 300));
    await move("jump", at);
    await move("row", ++at);
    at += 10;
    await move("rows10", at);
    const next = stops.find((s) => s > at);
    if (next !== undefined) {
      await move("burst", next);
      at = next;
    }
    await move("back", --at);
  }
  console.log(`elements in the history board: ${boardNodes}`);
  for (const [kind, counts] of Object.entries(totals)) {
    const top = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${k} ${(v / n[kind]!).toFixed(1)}`);
    console.log(`\n${kind} (per move, n ${n[kind]}):\n  ${top.join("\n  ")}`);
  }
  await context.close();
} finally {
  await stop();
}
