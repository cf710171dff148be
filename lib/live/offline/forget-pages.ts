/** Drops the pages public/sw.js kept for offline use: they hold the signed-out user's band data. */
export function forgetOfflinePages(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: 'forget' });
}
