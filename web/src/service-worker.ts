/**
 * Registers the service worker of the build (web/build/service-worker.js): after one visit online
 * the app opens without signal, showing the manifest kept on the phone (D28). Browsers allow it
 * only over https or on localhost; elsewhere the page works as before, online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((err: unknown) => {
    // The app works without it, only not offline.
    console.warn('service worker not registered', err);
  });
}
