// Rock-On's service worker: a page this device has opened loads again without a connection, so a musician in a
// basement can reload and still see the band's songs and the changes waiting on this device (the offline queue
// lives in IndexedDB; this only keeps the pages and the app's files). Online, pages always come from the server.
// Hand-written (a few dozen lines): the app needs exactly these two rules and no build step around them.

const PAGES = 'rock-on-pages-v1';
const FILES = 'rock-on-files-v1';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== PAGES && name !== FILES) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (data.type === 'remember') event.waitUntil(remember(data.page, data.files ?? []));
  // Signing out: the saved pages hold the band's data, and they are this user's.
  if (data.type === 'forget') event.waitUntil(caches.delete(PAGES));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/_next/static/')) event.respondWith(fileFirst(request));
  // A client-side navigation or prefetch (Next's RSC fetch) with no network: an empty answer makes Next fall back
  // to a full page load, which the rule below serves from this device's copy, instead of logging a failure.
  else if (request.headers.get('RSC') === '1') event.respondWith(fetch(request).catch(() => new Response(null, { status: 204 })));
  else if (request.mode === 'navigate') event.respondWith(pageFromNetworkFirst(request, url));
});

/** The page the app is showing and the files it already loaded (before this worker controlled it). */
async function remember(page, files) {
  const sameOrigin = (path) => new URL(path, self.location.origin).origin === self.location.origin;
  if (typeof page === 'string' && sameOrigin(page)) {
    const response = await fetch(page, { credentials: 'same-origin' }).catch(() => undefined);
    if (response && response.ok && !response.redirected) await (await caches.open(PAGES)).put(new URL(page, self.location.origin).pathname, response);
  }
  const cache = await caches.open(FILES);
  for (const file of files) if (sameOrigin(file) && !(await cache.match(file))) await cache.add(file).catch(() => undefined);
}

/** Build files are content-hashed: a cached copy is always right. */
async function fileFirst(request) {
  const cached = await caches.match(request, { cacheName: FILES });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(FILES)).put(request, response.clone());
  return response;
}

async function pageFromNetworkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) (await caches.open(PAGES)).put(url.pathname, response.clone());
    return response;
  } catch {
    const cached = await caches.match(url.pathname, { cacheName: PAGES, ignoreVary: true });
    return cached ?? offlinePage();
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Rock-On</title><body style="background:#0c0a09;color:#e4e4e7;font:16px system-ui;padding:2rem"><main><h1>You are offline</h1><p>This page has not been opened on this device yet, so there is no copy of it here. Pages you opened before still work, and changes you make there are kept until the connection is back.</p><p><a href="/bands" style="color:#f59e0b">Your bands</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
