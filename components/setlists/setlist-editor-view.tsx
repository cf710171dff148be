'use client';

import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { useMemo, useState } from 'react';
import { useSetlistItemsStore, useSetlistsStore, useSongsStore } from '@/lib/live/stores';
import { Viewers } from '@/components/presence/viewers';
import { ConnectionIndicator } from '@/components/ui/connection-indicator';
import { FormMessage } from '@/components/ui/form-message';
import { AddItemsPanel } from './add-items-panel';
import { SetlistActions } from './setlist-actions';
import { SetlistDetailsForm } from './setlist-details-form';
import { SetlistTimingSummary } from './setlist-timing-summary';
import { useSetlistsChannel } from './setlists-live';
import { SortableItems } from './sortable-items';
import { useItemActions } from './use-item-actions';
import { useSetlistTiming } from './use-setlist-timing';

export function SetlistEditorView({ bandId, setlistId }: { bandId: string; setlistId: string }) {
  const connection = useSetlistsChannel(bandId, setlistId);
  const setlist = useSetlistsStore((store) => store.rows.find((row) => row.id === setlistId));
  const items = useSetlistItemsStore((store) => store.rows);
  const songRows = useSongsStore((store) => store.rows);
  const songs = useMemo(() => new Map(songRows.map((song) => [song.id, song])), [songRows]);
  // Keyed by the songs in it, not by the items: a move must not re-render the whole library.
  const songIds = items.flatMap((item) => (item.song_id ? [item.song_id] : [])).sort().join(',');
  const inSetlist = useMemo(() => new Set(songIds.split(',')), [songIds]);
  const timing = useSetlistTiming(items);
  const actions = useItemActions(bandId, setlistId);
  const [editing, setEditing] = useState(false);

  if (!setlist) {
    return (
      <div className="flex flex-col gap-3">
        <p role="alert">This setlist was deleted by a bandmate.</p>
        <Link href={`/bands/${bandId}/setlists`} className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline">
          Back to the setlists
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <BackLink href={`/bands/${bandId}/setlists`}>Setlists</BackLink>
          <h2 className="break-words text-xl font-semibold" data-field="setlist-name">
            {setlist.name}
          </h2>
          <Viewers />
        </div>
        <ConnectionIndicator channel={connection} />
      </div>
      {setlist.notes ? <p className="text-sm text-zinc-300">{setlist.notes}</p> : null}
      {editing ? <SetlistDetailsForm setlist={setlist} onClose={() => setEditing(false)} /> : <SetlistActions setlist={setlist} onEdit={() => setEditing(true)} />}
      <SetlistTimingSummary timing={timing} targetSeconds={setlist.target_duration_s} />
      <FormMessage message={actions.error ?? undefined} />
      {items.length ? (
        <SortableItems items={items} songs={songs} timing={timing} actions={actions} />
      ) : (
        <p className="text-zinc-400">This setlist is empty. Add songs from the library below.</p>
      )}
      <AddItemsPanel songs={songRows} inSetlist={inSetlist} actions={actions} />
    </div>
  );
}
