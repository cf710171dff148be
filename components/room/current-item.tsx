'use client';

import { semitoneLabel, transposeKey } from '@/lib/setlists/transpose';
import { itemTitle, type RoomItem } from '@/lib/rooms/items';
import type { ReactNode } from 'react';
import { ChordChart, chartKeyAfter } from '@/components/charts/chord-chart';

type Props = { item: RoomItem | undefined; offset: number; variant?: 'page' | 'stage'; offsetControl?: ReactNode };

/**
 * The item every screen shows: title, key as played (the item's transpose plus this member's own offset), BPM,
 * the goal or note, and the chart in that key. `variant` 'stage' is large, high-contrast type.
 */
export function CurrentItem({ item, offset, variant = 'page', offsetControl }: Props) {
  if (!item) return <p className="text-zinc-300">Nothing is selected. The leader picks the first item.</p>;
  const song = item.song;
  const semitones = item.transpose + offset;
  const stage = variant === 'stage';
  return (
    <article aria-labelledby="current-title" data-item={item.id} className="flex flex-col gap-3">
      <h2 id="current-title" data-field="current-title" className={stage ? 'text-4xl font-black leading-tight sm:text-6xl [@media(max-height:500px)]:text-3xl' : 'text-2xl font-bold'}>
        {itemTitle(item)}
      </h2>
      {song ? (
        <dl className={`flex flex-wrap gap-x-6 gap-y-1 ${stage ? 'text-2xl [@media(max-height:500px)]:text-lg' : 'text-base'}`}>
          <div className="flex gap-2">
            <dt className="text-zinc-400">Key</dt>
            <dd data-field="current-key" className="font-semibold">
              {(song.chart ? chartKeyAfter(song.chart, song.key, semitones) : null) ?? (song.key ? transposeKey(song.key, semitones) : '—')}
              {semitones ? <span className="ml-1 text-sm text-zinc-400">({semitoneLabel(semitones)})</span> : null}
            </dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-zinc-400">BPM</dt>
            <dd data-field="current-bpm" className="font-semibold">{song.tempo_bpm ?? '—'}</dd>
          </div>
        </dl>
      ) : null}
      {item.goal && item.kind === 'song' ? (
        <p data-field="current-goal" className={stage ? 'text-xl text-amber-200' : 'text-amber-200'}>
          Goal: {item.goal}
        </p>
      ) : null}
      {song ? offsetControl : null}
      {song?.chart ? <ChordChart source={song.chart} semitones={semitones} songKey={song.key} variant={variant} /> : song ? <p className="text-zinc-400">No chart for this song yet.</p> : null}
    </article>
  );
}
