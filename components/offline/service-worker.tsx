'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';

/**
 * Registers public/sw.js (production builds only: in development it would serve stale pages over Fast Refresh)
 * and tells it which page is open and which build files this page already loaded, so a reload works offline.
 */
export function ServiceWorker() {
  const pathname = usePathname();
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void navigator.serviceWorker
      .register('/sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled || !navigator.onLine) return;
        const files = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && url.pathname.startsWith('/_next/static/'))
          .map((url) => url.pathname);
        registration.active?.postMessage({ type: 'remember', page: pathname, files });
      })
      .catch((error: unknown) => console.warn('Offline pages are not available in this browser', error));
    return () => {
      cancelled = true;
    };
  }, [pathname]);
  return null;
}
