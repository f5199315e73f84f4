/**
 * Runs `work` once the page has a moment to spare, and at the latest after `timeoutMs`: for
 * derived views (the freshness fade) that must not take a frame from an edit or a scroll.
 * Where the browser has no idle callbacks (Node in tests), a plain timer.
 */
export function whenIdle(work: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(work, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, Math.min(timeoutMs, 16));
  return () => clearTimeout(handle);
}
