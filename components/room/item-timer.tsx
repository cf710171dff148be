'use client';

import { useEffect, useState } from 'react';

export function formatMinutes(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The time since `since` (plus `earlier` seconds spent before), ticking each second; its own render only. The
 * server's render and the first browser render count only `earlier`: the clocks of the two differ, and the
 * hydrated text must match what the server sent.
 */
export function useElapsed(since: string | null | undefined, earlier = 0): number {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!since) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since]);
  return earlier + (since && now !== null ? Math.max(0, (now - Date.parse(since)) / 1_000) : 0);
}

/** Time on the current item: what the room recorded before plus the running stretch. */
export function ItemTimer({ since, earlier }: { since: string | null; earlier: number }) {
  const seconds = useElapsed(since, earlier);
  return (
    <p className="text-sm text-zinc-300" data-field="item-timer">
      <span className="font-mono text-lg text-zinc-100">{formatMinutes(seconds)}</span> on this song
    </p>
  );
}
