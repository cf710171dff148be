'use client';

import { useActionState, useState } from 'react';
import { updateSong } from '@/lib/actions/songs';
import { IDLE, type SongFormState } from '@/lib/actions/state';
import type { Song } from '@/lib/database.types';
import { useSongsStore } from '@/lib/stores/songs-store-provider';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SongFields } from './song-fields';
import { unsavedSummary } from './unsaved-summary';

/**
 * Edits one song against the version it was opened from. `song` is the live row (Realtime keeps it current);
 * `base` is what the user started from, and its version goes with the save, so a bandmate's newer save is
 * never overwritten without the user seeing it first.
 */
export function EditSongForm({ song, onClose }: { song: Song; onClose: () => void }) {
  const applyUpdate = useSongsStore((store) => store.applyUpdate);
  const applyDelete = useSongsStore((store) => store.applyDelete);
  const [base, setBase] = useState(song);
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData) => {
    const result = await updateSong(previous, formData);
    if (result.status === 'saved' || result.status === 'conflict') applyUpdate(result.song);
    if (result.status === 'conflict') setBase(result.song); // the form now shows, and saves against, their version
    if (result.status === 'gone') applyDelete(result.id);
    if (result.status === 'saved') onClose();
    return result;
  }, IDLE);

  const invalid = state.status === 'invalid' ? state : undefined;
  const changedMeanwhile = song.version > base.version && state.status !== 'conflict';
  return (
    <form action={formAction} aria-label={`Edit ${base.title}`} className="mt-4 flex flex-col gap-3 border-t border-white/10 pt-4" noValidate>
      <input type="hidden" name="id" value={base.id} />
      <input type="hidden" name="band_id" value={base.band_id} />
      <input type="hidden" name="version" value={base.version} />
      {changedMeanwhile ? (
        <FormMessage tone="info" message="A bandmate just changed this song. Saving now will be refused; you will see their version first." />
      ) : null}
      {state.status === 'conflict' ? (
        <FormMessage message={`${state.message}${unsavedSummary(state.values, state.song)}`} />
      ) : null}
      <SongFields key={base.version} idPrefix={`edit-${base.id}`} song={base} values={invalid?.values} errors={invalid?.errors} />
      <FormMessage message={invalid?.errors?.form} />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
