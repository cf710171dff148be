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
      <label htmlFor="song-search" className="relative col-span-2 flex flex-col sm:col-span-1">
        <span className="sr-only">Search songs</span>
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
      </label>
      <label htmlFor="song-sort" className="flex min-w-0 flex-col">
        <span className="sr-only">Sort by</span>
        <select id="song-sort" value={query.sort} onChange={(event) => onChange({ sort: event.target.value as SongQuery['sort'] })} className={CONTROL_CLASS}>
          {SONG_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              Sort: {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="song-status" className="flex min-w-0 flex-col">
        <span className="sr-only">Status</span>
        <select id="song-status" value={query.status} onChange={(event) => onChange({ status: event.target.value as SongQuery['status'] })} className={CONTROL_CLASS}>
          {(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((status) => (
            <option key={status} value={status}>
              {status === 'all' ? 'Any status' : STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
