'use client';

import { usePathname } from 'next/navigation';
import { viewersOf } from '@/lib/live/presence';
import { useBandPresence } from './presence-provider';

/** "Also here: Sam, Alex" — the bandmates who have this very page open on some device. */
export function Viewers() {
  const { userId, members } = useBandPresence();
  const viewers = viewersOf(members, usePathname(), userId);
  return (
    <p aria-label="Also here" aria-live="polite" className="text-sm text-zinc-400">
      {viewers.length ? `Also here: ${viewers.map((viewer) => viewer.display_name).join(', ')}` : 'Only you have this open'}
    </p>
  );
}
