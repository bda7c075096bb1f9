/**
 * The preview's service worker (sw.js, release builds only): keeps every page and script of
 * this release in the browser's cache so that the preview opens and works without a network
 * after the first visit. It fetches only from its own origin and sends nothing anywhere.
 *
 * The build replaces PRECACHE with this release's file list and a digest of their contents:
 * a new release hosted at the same address gives a different sw.js, which the browser installs
 * beside the running one; the page then offers to switch (message "skip-waiting").
 */
interface Precache {
  build: string;
  files: string[];
}

/** The parts of ServiceWorkerGlobalScope used here (the DOM and WebWorker libs cannot both be loaded). */
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}

const PRECACHE: Precache = JSON.parse('__DVHT_PRECACHE__') as Precache;
const PREFIX = 'dvht-';
const CACHE = `${PREFIX}${PRECACHE.build}`;
const scope = self as unknown as WorkerScope;
const base = scope.registration.scope;

scope.addEventListener('install', (e) => {
  // cache: 'reload' so that the files come from the server, not from an HTTP cache of the old release.
  e.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files.map((f) => new Request(new URL(f, base).href, { cache: 'reload' })))),
  );
});

scope.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.location.origin) return;
  // A page's query (?lang=en) does not change the file: match pages without it.
  const navigate = request.mode === 'navigate';
  e.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: navigate }))
      .then((hit) => hit ?? fetch(request)),
  );
});
