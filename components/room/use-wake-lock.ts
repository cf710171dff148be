'use client';

import { useEffect, useState } from 'react';

export type WakeLockState = 'on' | 'unsupported' | 'refused' | 'off';

/**
 * Keeps the screen on while `active` (Screen Wake Lock API). The browser drops the lock whenever the page is
 * hidden, so it is asked for again each time the page is visible. Browsers without the API say so.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const [state, setState] = useState<WakeLockState>('off');
  useEffect(() => {
    if (!active) return;
    if (!('wakeLock' in navigator)) {
      setState('unsupported');
      return;
    }
    let sentinel: WakeLockSentinel | undefined;
    let disposed = false;
    const request = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock
        .request('screen')
        .then((lock) => {
          if (disposed) return void lock.release();
          sentinel = lock;
          setState('on');
          lock.addEventListener('release', () => !disposed && setState('off'));
        })
        .catch(() => !disposed && setState('refused'));
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', request);
      void sentinel?.release();
    };
  }, [active]);
  return state;
}
