// Folio's service worker: after the first visit the app opens and works with the
// network off. Network first (a new deploy shows at once), the cache when the
// network fails. At install it caches the page, every file the page links (the
// hashed wasm, glue and styles Trunk wrote), the import worker, the views
// module and the map data,
// so views never visited online still work offline.
const CACHE = "folio-v1";
const EXTRA = [
  "./index.html",
  "./corpus.json",
  "./folio-worker_loader.js",
  "./folio-worker.js",
  "./folio-worker_bg.wasm",
  "./folio-views.js",
  "./folio-views_bg.wasm",
  "./assets/places.tsv",
  "./assets/world.svg",
  "./manifest.webmanifest",
  "./icon.svg",
];

async function store(cache, url) {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    if (response.ok) await cache.put(url, response);
  } catch (_) {
    // One missing file must not stop the others from being cached.
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const page = await fetch("./", { cache: "no-cache" });
    const html = await page.clone().text();
    await cache.put("./", page);
    const linked = [...html.matchAll(/(?:href|src)="(\.\/[^"]+)"/g), ...html.matchAll(/'(\.\/[^']+)'/g)]
      .map((m) => m[1]);
    // A sharded site (`folio build` of many articles) has no import and no map,
    // and its index is fetched piece by piece: only the app itself is cached up
    // front; the pieces are cached as they are fetched (below).
    const extra = html.includes('name="folio-shards"') ? [] : EXTRA;
    await Promise.all([...new Set([...linked, ...extra])].map((url) => store(cache, url)));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === "navigate") {
        const shell = await cache.match("./");
        if (shell) return shell;
      }
      throw error;
    }
  })());
});
