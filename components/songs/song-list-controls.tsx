'use client';

import { Search } from 'lucide-react';
import { SONG_SORTS, SORT_LABELS, type SongQuery } from '@/lib/songs/list-query';
import { CONTROL_CLASS } from '@/components/ui/field-notes';

type Props = { query: SongQuery; onChange: (change: Partial<SongQuery>) => void };

const STATUS_LABELS = { all: 'All', learning: 'Learning', ready: 'Ready' } as const;

/** Search as you type, sort and status filter; all client-side, over the live list. */
export function SongListControls({ query, onChange }: Props) {
  return (
    <div role="search" aria-label="Find songs" className="grid grid-cols-2 gap-2 sm:grid-cols-[1fr_12rem_10rem]">
      <div className="relative col-span-2 flex flex-col sm:col-span-1">
        <label htmlFor="song-search" className="sr-only">
          Search songs
        </label>
        <Search aria-hidden className="pointer-events-none absolute top-3 left-3 size-5 text-zinc-400" />
        <input
          id="song-search"
          type="search"
          value={query.q}
          onChange={(event) => onChange({ q: event.target.value })}
          placeholder="Search title or artist"
          autoComplete="off"
          className={`${CONTROL_CLASS} w-full pl-10`}
        />
      </div>
      <div className="flex min-w-0 flex-col">
        <label htmlFor="song-sort" className="sr-only">
          Sort by
        </label>
        <select id="song-sort" value={query.sort} onChange={(event) => onChange({ sort: event.target.value as SongQuery['sort'] })} className={CONTROL_CLASS}>
          {SONG_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              Sort: {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col">
        <label htmlFor="song-status" className="sr-only">
          Filter by status
        </label>
        <select id="song-status" value={query.status} onChange={(event) => onChange({ status: event.target.value as SongQuery['status'] })} className={CONTROL_CLASS}>
          {(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((status) => (
            <option key={status} value={status}>
              {status === 'all' ? 'Any status' : STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
