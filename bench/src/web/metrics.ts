/**
 * Where the page's main thread spent its time during an action: Chromium's own counters
 * (CDP Performance.getMetrics), as differences before/after. Script, style, layout; the rest
 * of the task time is mostly paint and the frame's bookkeeping.
 */
import type { Page } from "playwright-core";

export interface CpuMetrics {
  readonly taskMs: number;
  readonly scriptMs: number;
  readonly styleMs: number;
  readonly layoutMs: number;
  readonly layouts: number;
  readonly styleRecalcs: number;
}

export async function cpuMetrics(page: Page, action: () => Promise<void>): Promise<CpuMetrics> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Performance.enable");
    const read = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    };
    const before = await read();
    await action();
    const after = await read();
    const d = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    return {
      taskMs: d("TaskDuration") * 1000,
      scriptMs: d("ScriptDuration") * 1000,
      styleMs: d("RecalcStyleDuration") * 1000,
      layoutMs: d("LayoutDuration") * 1000,
      layouts: d("LayoutCount"),
      styleRecalcs: d("RecalcStyleCount"),
    };
  } finally {
    await cdp.detach();
  }
}
