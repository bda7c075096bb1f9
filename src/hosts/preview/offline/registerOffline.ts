/**
 * Offline use of the preview (release builds only, where sw.js exists): registers the service
 * worker and shows its state in a small status line: "ready offline" once this release is
 * cached, and an update prompt when a newer release is hosted at the same address. Browsers
 * allow service workers only on https or localhost; elsewhere nothing happens.
 */
import { t, type Lang } from '../../../i18n';
import { APP_VERSION } from '../../../version';

declare const __DVHT_OFFLINE__: boolean | undefined;

const STATUS_ID = 'dvht-offline-status';

function statusLine(): HTMLElement {
  let el = document.getElementById(STATUS_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = STATUS_ID;
    el.setAttribute('role', 'status');
    Object.assign(el.style, {
      position: 'fixed',
      // Bottom right: the sheet tabs and the cell status line are at the bottom left.
      right: '8px',
      bottom: '8px',
      zIndex: '1000',
      padding: '4px 10px',
      borderRadius: '4px',
      font: '12px/1.5 "Segoe UI", system-ui, sans-serif',
      background: '#f3f2f1',
      color: '#242424',
      border: '1px solid #d1d1d1',
      display: 'flex',
      gap: '8px',
      alignItems: 'center',
    });
    document.body.appendChild(el);
  }
  return el;
}

function showReady(lang: Lang): void {
  const el = statusLine();
  el.dataset.state = 'ready';
  el.replaceChildren(t(lang, 'offline.ready', { version: APP_VERSION }));
}

function showUpdate(lang: Lang, waiting: ServiceWorker): void {
  const el = statusLine();
  el.dataset.state = 'update';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t(lang, 'offline.updateButton');
  button.addEventListener('click', () => {
    button.disabled = true;
    waiting.postMessage({ type: 'skip-waiting' });
  });
  el.replaceChildren(t(lang, 'offline.updateAvailable'), button);
}

export function registerOffline(lang: Lang): void {
  if (typeof __DVHT_OFFLINE__ === 'undefined' || !__DVHT_OFFLINE__) return;
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  // The page had a worker and a new one took over (the user accepted the update): show the new release.
  const hadController = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (hadController) location.reload();
  });
  // A newer sw.js is found on every visit; the browser may already be installing it when
  // register() resolves, so look at the installing and waiting workers as well as new ones.
  const offer = (worker: ServiceWorker) => {
    if (worker.state === 'installed' && container.controller) showUpdate(lang, worker);
    // The new release could not be fetched whole: the cached one is still there and complete.
    if (worker.state === 'redundant' && container.controller) showReady(lang);
  };
  const track = (worker: ServiceWorker | null) => {
    if (!worker) return;
    offer(worker);
    worker.addEventListener('statechange', () => offer(worker));
  };
  container
    .register('sw.js')
    .then((registration) => {
      track(registration.installing);
      track(registration.waiting);
      registration.addEventListener('updatefound', () => track(registration.installing));
    })
    .catch(() => {
      // Offline, the check for a newer sw.js fails: the cached release keeps working.
    });
  // Resolves once this release is cached and active, online or not.
  void container.ready.then((registration) => {
    if (registration.waiting && container.controller) showUpdate(lang, registration.waiting);
    else if (!registration.installing) showReady(lang);
  });
}
