'use client';

import { useActionState } from 'react';
import { createSong } from '@/lib/actions/songs';
import type { SongFormState } from '@/lib/actions/state';
import { newId } from '@/lib/live/new-id';
import { IDLE } from '@/lib/live/result';
import { useSongsStoreApi } from '@/lib/live/stores';
import { draftSong, songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { songCreateSchema } from '@/lib/validation/song';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SongFields } from './song-fields';

export function AddSongForm({ bandId }: { bandId: string }) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData): Promise<SongFormState> => {
    // The id is picked here so the song shows at once and the saved row (and its Realtime echo) replace it.
    formData.set('id', newId());
    const parsed = songCreateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'insert' as const, row: draftSong(parsed.data.id!, parsed.data) } : null;
    return mutate(change, () => createSong(previous, formData));
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
