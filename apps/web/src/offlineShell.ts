/**
 * Registers the service worker that keeps the app shell for offline use, and hands it the
 * assets this page already loaded. Sets `data-offline-ready` on <html> once they are cached
 * (the UI and the browser tests read it).
 */
export async function keepShellOffline(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.register("/sw.js");
  const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
  if (!worker) return;
  const urls = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/assets/"))
    .map((url) => url.pathname);
  const channel = new MessageChannel();
  const done = new Promise<unknown>((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
  });
  worker.postMessage({ type: "cache", urls }, [channel.port2]);
  if ((await done) === "cached") document.documentElement.dataset.offlineReady = "true";
}
