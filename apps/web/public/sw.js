/*
 * Journeymap's service worker: keeps the app shell (index.html and the hashed assets) so a map
 * opened before opens again with no network; the map itself comes from IndexedDB.
 * Never touches the API or the sync socket.
 */
const CACHE = "journeymap-shell-v1";
const SHELL = "/index.html";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function put(request, response) {
  if (!response.ok) return;
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname === "/sync") return;
  if (request.mode === "navigate") {
    // Network first, so a new deployment is picked up; the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          event.waitUntil(put(SHELL, response.clone()));
          return response;
        })
        .catch(async () => (await caches.match(SHELL)) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            event.waitUntil(put(request, response.clone()));
            return response;
          }),
      ),
    );
  }
});

// The page lists what it loaded before this worker controlled it; cache those too.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "cache") return;
  const urls = [SHELL, ...event.data.urls];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls))
      .then(() => event.ports[0]?.postMessage("cached"))
      .catch(() => event.ports[0]?.postMessage("failed")),
  );
});
