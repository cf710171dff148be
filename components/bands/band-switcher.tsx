'use client';

import { useRouter } from 'next/navigation';

/** Jumps to another band's songs; "+ New or join…" goes to the band list, where both forms are. */
export function BandSwitcher({ bands, currentId }: { bands: Array<{ id: string; name: string }>; currentId: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-400">
      <span>Switch band</span>
      <select
        className="min-h-11 max-w-48 rounded-lg border border-white/15 bg-stage-950 px-2 text-zinc-100"
        value={currentId}
        onChange={(event) => router.push(event.target.value === '' ? '/bands' : `/bands/${event.target.value}/songs`)}
      >
        {bands.map((band) => (
          <option key={band.id} value={band.id}>
            {band.name}
          </option>
        ))}
        <option value="">+ New or join…</option>
      </select>
    </label>
  );
}
