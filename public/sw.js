// Safer Plan's service worker: after one visit, the whole app loads with
// the network off. PRECACHE and VERSION are filled in at build time by
// scripts/precache.mjs from the files Trunk produced, so hashed file names
// never go stale. A new build has a new VERSION: it installs alongside the
// old one and waits until the page asks it to take over ("new version
// available — reload"), so a page never runs half old, half new.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
// The files whose names carry a hash of their content: a copy the page
// has just downloaded (the app's wasm, script and styles) is taken from the
// browser's HTTP cache rather than downloaded a second time. Every other
// file is checked with the server, so a new version never precaches a
// stale copy of a file whose name stays the same.
const HASHED = new Set(__HASHED__);
const CACHE = `safer-plan-${VERSION}`;

self.addEventListener('install', (event) => {
  const requests = PRECACHE.map((url) => new Request(url, { cache: HASHED.has(url) ? 'force-cache' : 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('safer-plan-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

// Cache first: every file of a build is in the cache, and a file name
// changes whenever its content does. The app's pages are hash routes of
// one document, so only the app's own address (with any query) is served
// from the cache; any other address goes to the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const ignoreSearch = request.mode === 'navigate';
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch }).then((hit) => hit || fetch(request)));
});
