'use client';

import { useActionState, useState } from 'react';
import { deleteSong } from '@/lib/actions/songs';
import { IDLE, type SongFormState } from '@/lib/actions/state';
import type { Song } from '@/lib/database.types';
import { useSongsStore } from '@/lib/stores/songs-store-provider';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** Two steps, so a stray tap on a phone on stage cannot delete a song for the whole band. */
export function DeleteSongButton({ song }: { song: Song }) {
  const applyDelete = useSongsStore((store) => store.applyDelete);
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData) => {
    const result = await deleteSong(previous, formData);
    if (result.status === 'gone') applyDelete(result.id);
    return result;
  }, IDLE);

  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={song.id} />
      <input type="hidden" name="band_id" value={song.band_id} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Confirm delete'}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      <FormMessage message={state.status === 'invalid' ? state.errors?.form : undefined} />
    </form>
  );
}
