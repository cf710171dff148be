'use client';

import { useMemo, useState } from 'react';
import type { Song } from '@/lib/database.types';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { liveFeed, useLiveChannel } from '@/lib/live/use-live-channel';
import { formatDuration } from '@/lib/validation/song';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { ChartEditor } from './chart-editor';
import { PersonalOffset } from './personal-offset';
import { TransposeControl } from './transpose-control';

/** One song's page: its details, the chart editor and preview, live for this one song (scope { id }). */
export function SongChartView({ initial, offset }: { initial: Song; offset: number }) {
  const store = useSongsStoreApi();
  const feeds = useMemo(() => [liveFeed(songsTable, store, { id: initial.id })], [store, initial.id]);
  const connection = useLiveChannel(`songs:${initial.band_id}`, initial.band_id, feeds);
  const song = useSongsStore((state) => state.rows.find((row) => row.id === initial.id)) ?? initial;
  const [preview, setPreview] = useState(0);
  const [mine, setMine] = useState(offset);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-2xl font-bold break-words">{song.title}</h2>
        <ConnectionIndicator channel={connection} />
      </div>
      <dl className="flex flex-wrap gap-x-5 gap-y-1">
        <Detail term="Key" value={song.key} />
        <Detail term="Tempo" value={song.tempo_bpm === null ? null : `${song.tempo_bpm} BPM`} />
        <Detail term="Length" value={song.duration_s === null ? null : formatDuration(song.duration_s)} />
      </dl>
      <div className="flex flex-wrap items-end gap-4">
        <TransposeControl value={preview} onChange={setPreview} />
        <PersonalOffset bandId={song.band_id} songId={song.id} value={mine} onChange={setMine} />
      </div>
      <ChartEditor song={song} semitones={preview + mine} />
    </div>
  );
}

function Detail({ term, value }: { term: string; value: string | null }) {
  if (value === null) return null;
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-sm text-zinc-400">{term}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
