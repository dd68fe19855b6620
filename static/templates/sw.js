// The offline service worker: precaches what the calculator pages load. Template:
// tools/build/offline.py writes it as dist/sw.js, with its two placeholders replaced.
// Network first for the pages and for every file that keeps its name across builds (configs,
// py/, static/): a visit after a deploy shows the new build, never the previous one silently;
// the cache answers only when the network cannot (offline, or a server error). Cache first
// for vendor/, whose paths change with their bytes (tools/build/headers.py, VENDOR_CACHE): no
// request at all.
const CACHE = __CRS_CACHE__;
const PRECACHE = __CRS_FILES__;
const VENDOR = new URL("./vendor/", self.registration.scope).href;
self.addEventListener("install", (event) => event.waitUntil(
  caches.open(CACHE)
    .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, {cache: "no-cache"}))))
    .then(() => self.skipWaiting())));
self.addEventListener("activate", (event) => event.waitUntil(
  caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("crs-") && k !== CACHE)
                                    .map((k) => caches.delete(k))))
    // The page's request is sent while the worker starts, instead of after (network first).
    .then(() => self.registration.navigationPreload && self.registration.navigationPreload.enable())
    .then(() => self.clients.claim())));
// caches.match with cacheName does not re-create a cache that static/sw-register.js deleted.
async function cached(request) {
  let hit = await caches.match(request, {cacheName: CACHE, ignoreSearch: true});
  if (!hit && request.mode === "navigate" && /\/index\.html$/.test(new URL(request.url).pathname))
    hit = await caches.match(request.url.replace(/index\.html(\?.*)?$/, ""),
                             {cacheName: CACHE, ignoreSearch: true});
  return hit;
}
async function networkFirst(event) {
  try {
    // Through the HTTP cache: a no-cache file costs a revalidation (304), not a download.
    const response = (await event.preloadResponse) || await fetch(event.request);
    if (response.status < 500) return response;
    return (await cached(event.request)) || response;
  } catch (e) {   // offline
    return (await cached(event.request)) || Response.error();
  }
}
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  if (request.url.startsWith(VENDOR))
    event.respondWith(cached(request).then((hit) => hit || fetch(request)));
  else
    event.respondWith(networkFirst(event));
});
