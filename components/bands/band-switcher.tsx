'use client';

import { useRouter } from 'next/navigation';
import { useLiveBand } from './band-live';

/** Jumps to another band's songs; "+ New or join…" goes to the band list, where both forms are. */
export function BandSwitcher({ bands, currentId }: { bands: Array<{ id: string; name: string }>; currentId: string }) {
  const router = useRouter();
  // The current band's name follows renames live; the others refresh on the next navigation.
  const { name } = useLiveBand();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-400">
      <span>Switch band</span>
      <select
        className="min-h-11 min-w-0 max-w-full rounded-lg border border-white/15 bg-stage-950 px-2 py-1 text-zinc-100"
        value={currentId}
        onChange={(event) => router.push(event.target.value === '' ? '/bands' : `/bands/${event.target.value}/songs`)}
      >
        {bands.map((band) => (
          <option key={band.id} value={band.id}>
            {band.id === currentId ? name : band.name}
          </option>
        ))}
        <option value="">+ New or join…</option>
      </select>
    </label>
  );
}
