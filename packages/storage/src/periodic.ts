/**
 * A task run soon after start and then every so often, never twice at once (a run still under
 * way when the next is due is not doubled). Timers do not keep the process alive; the returned
 * stop function waits for a run under way, so what it uses is not closed beneath it.
 */
export function runPeriodically(
  task: () => Promise<unknown>,
  { firstAfterMs, everyMs }: { readonly firstAfterMs: number; readonly everyMs: number },
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const run = () => {
    running ??= task()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, firstAfterMs);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
