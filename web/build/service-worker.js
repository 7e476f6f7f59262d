/**
 * The web app's service worker (issue #6, D28): the driver's page opens with no signal after one
 * visit online. Only the app shell (index.html, the built JS and CSS) is cached, under a name made
 * from the build, so a new build replaces it; API requests are never answered from a cache.
 * VERSION and SHELL are prepended by the build (web/build/service-worker-plugin.ts).
 */
/* global VERSION, SHELL */
const BASE = '/app/';
const PREFIX = 'dowoz-shell-';
const CACHE = PREFIX + VERSION;
const INDEX = BASE + 'index.html';
const CONFIG = BASE + 'config.json';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([INDEX, CONFIG, ...SHELL.map((f) => BASE + f)]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The network's answer, else the cached copy of `fallback`. */
async function networkFirst(request, fallback) {
  try {
    return await fetch(request);
  } catch (err) {
    const cached = await caches.match(fallback, { cacheName: CACHE });
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only the shell, on this server: the API (and everything else) always goes to the network.
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  if (request.mode === 'navigate') {
    // Online, the server's page (the session, a new build); offline, this build's shell.
    event.respondWith(networkFirst(request, INDEX));
  } else if (url.pathname === CONFIG) {
    event.respondWith(networkFirst(request, CONFIG));
  } else if (url.pathname.startsWith(BASE + 'assets/')) {
    // Built files are named by their content: the cached one is always right.
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  }
});
