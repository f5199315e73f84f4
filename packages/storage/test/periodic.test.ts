/** runPeriodically: runs soon and again, never two runs at once, and stop waits for a run. */
import { expect, it } from "vitest";
import { runPeriodically } from "../src/index.ts";

it("runs the task again and again, never twice at once, and stop waits for the run under way", async () => {
  let runs = 0;
  let active = 0;
  let most = 0;
  let release: () => void = () => {};
  const stop = runPeriodically(
    async () => {
      runs++;
      active++;
      most = Math.max(most, active);
      // The second run hangs until released: later ticks must not start a third beside it.
      if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
      active--;
    },
    { firstAfterMs: 1, everyMs: 5 },
    () => {},
  );
  await expect.poll(() => runs, { timeout: 20_000 }).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(runs).toBe(2);
  let stopped = false;
  const stopping = stop().then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(stopped).toBe(false);
  release();
  await stopping;
  expect(most).toBe(1);
});
