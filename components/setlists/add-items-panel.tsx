'use client';

import { memo, useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import type { Song } from '@/lib/database.types';
import { formatDuration, SONG_STATUSES } from '@/lib/validation/song';
import { ITEM_NOTES_MAX } from '@/lib/validation/setlist';
import { Button } from '@/components/ui/button';
import type { useItemActions } from './use-item-actions';

const control = 'min-h-11 rounded-lg border border-white/15 bg-stage-950 px-3 text-zinc-100 outline-none focus:border-amp-400';

/** Adds from the band's library (search by title as you type, filter by status), or a break or a note. */
export const AddItemsPanel = memo(function AddItemsPanel({ songs, inSetlist, actions }: { songs: Song[]; inSetlist: Set<string>; actions: ReturnType<typeof useItemActions> }) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'all' | Song['status']>('all');
  const [note, setNote] = useState('');
  const search = useDeferredValue(query.trim().toLocaleLowerCase());
  const matches = useMemo(
    () => songs.filter((song) => (status === 'all' || song.status === status) && song.title.toLocaleLowerCase().includes(search)),
    [songs, status, search],
  );

  const addNote = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    void actions.add({ kind: 'note', notes: note.trim() });
    setNote('');
  };

  return (
    <section aria-labelledby="add-items" className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 id="add-items" className="font-semibold text-amp-400">
        Add to the setlist
      </h3>
      <div className="grid gap-2 sm:grid-cols-[1fr_10rem]">
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-zinc-300">Search songs</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} className={control} placeholder="Title" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-zinc-300">Status</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as typeof status)} className={control}>
            <option value="all">All songs</option>
            {SONG_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul aria-label="Song library" className="flex max-h-72 flex-col gap-1 overflow-y-auto">
        {matches.map((song) => (
          <li key={song.id} className="flex items-center justify-between gap-2 rounded-lg px-2 hover:bg-white/5">
            <span className="min-w-0 truncate text-sm">
              {song.title}
              <span className="text-zinc-400">
                {song.key ? ` · ${song.key}` : ''}
                {song.duration_s ? ` · ${formatDuration(song.duration_s)}` : ''}
                {inSetlist.has(song.id) ? ' · in this setlist' : ''}
              </span>
            </span>
            <Button variant="secondary" className="min-h-11 shrink-0" aria-label={`Add ${song.title}`} onClick={() => void actions.add({ kind: 'song', song_id: song.id })}>
              Add
            </Button>
          </li>
        ))}
        {matches.length === 0 ? <li className="px-2 text-sm text-zinc-400">{songs.length ? 'No song matches.' : 'The band has no songs yet.'}</li> : null}
      </ul>
      <div className="flex flex-wrap items-end gap-2 border-t border-white/10 pt-3">
        <Button variant="secondary" className="min-h-11" onClick={() => void actions.add({ kind: 'break', duration_override_s: 900 })}>
          Add set break
        </Button>
        <form onSubmit={addNote} className="flex min-w-0 flex-1 basis-full items-end gap-2 sm:basis-auto" aria-label="Add a note">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            <span className="text-zinc-300">Note ({note.length}/{ITEM_NOTES_MAX})</span>
            <input value={note} onChange={(event) => setNote(event.target.value)} className={control} placeholder="Tune to drop D" />
          </label>
          <Button type="submit" variant="secondary" className="min-h-11" disabled={!note.trim() || note.length > ITEM_NOTES_MAX}>
            Add note
          </Button>
        </form>
      </div>
    </section>
  );
});
