'use client';

import { useActionState } from 'react';
import { createSong } from '@/lib/actions/songs';
import { IDLE, type SongFormState } from '@/lib/actions/state';
import { useSongsStore } from '@/lib/stores/songs-store-provider';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SongFields } from './song-fields';

export function AddSongForm({ bandId }: { bandId: string }) {
  const applyInsert = useSongsStore((store) => store.applyInsert);
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData) => {
    const result = await createSong(previous, formData);
    // Shown here at once; the Realtime echo of the same row is then a no-op (same id and version).
    if (result.status === 'saved') applyInsert(result.song);
    return result;
  }, IDLE);
  const invalid = state.status === 'invalid' ? state : undefined;
  return (
    <section className="rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 className="font-semibold text-amp-400">Add a song</h3>
      <form action={formAction} aria-label="Add a song" className="mt-4 flex flex-col gap-3" noValidate>
        <input type="hidden" name="band_id" value={bandId} />
        <SongFields idPrefix="new-song" values={invalid?.values} errors={invalid?.errors} />
        <FormMessage message={invalid?.errors?.form} />
        <Button type="submit" disabled={pending} className="self-start">
          {pending ? 'Adding…' : 'Add song'}
        </Button>
      </form>
    </section>
  );
}
