'use client';

import { useActionState, useState } from 'react';
import { deleteSong } from '@/lib/actions/songs';
import type { SongDeleteState } from '@/lib/actions/state';
import type { Song } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/**
 * Two steps, so a stray tap on a phone on stage cannot delete a song for the whole band; a third when setlists
 * play the song, which names them and lets the user take it out of them or keep it.
 */
export function DeleteSongButton({ song }: { song: Song }) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: SongDeleteState, formData: FormData): Promise<SongDeleteState> => {
    // Hidden at once only once the user has chosen to take it out of setlists too: a first attempt may come back
    // "in use", and a song that vanished and reappeared would look like a glitch.
    const removing = formData.get('remove_from_setlists') === 'yes';
    // Offline the delete is kept for later, and the song hidden meanwhile (a replay that finds it in setlists
    // brings it back and says so).
    const hide = removing || !navigator.onLine;
    const replayable = { op: 'songs.delete', payload: formValues(formData), label: `Delete “${song.title}”` };
    return mutate(hide ? { kind: 'delete', row: { id: song.id } } : null, () => deleteSong(previous, formData), undefined, replayable);
  }, IDLE);

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  const inUse = state.status === 'in_use' ? state.setlists : null;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={song.id} />
      <input type="hidden" name="band_id" value={song.band_id} />
      {inUse ? (
        <>
          <p role="alert" className="basis-full text-sm text-amber-200">
            {`“${song.title}” is in ${inUse.length === 1 ? 'the setlist' : `${inUse.length} setlists`}: ${inUse.join(', ')}.`}
          </p>
          <input type="hidden" name="remove_from_setlists" value="yes" />
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? 'Deleting…' : 'Remove from setlists and delete'}
          </Button>
        </>
      ) : (
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Deleting…' : 'Confirm delete'}
        </Button>
      )}
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      <FormMessage message={state.status === 'invalid' ? state.errors?.form : undefined} />
    </form>
  );
}
