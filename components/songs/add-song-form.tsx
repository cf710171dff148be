'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { createSong } from '@/lib/actions/songs';
import type { SongFormState } from '@/lib/actions/state';
import { newId } from '@/lib/live/new-id';
import { IDLE } from '@/lib/live/result';
import { useSongsStoreApi } from '@/lib/live/stores';
import { draftSong, songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { useOnline } from '@/lib/live/use-online';
import { formValues } from '@/lib/validation/form';
import { songCreateSchema } from '@/lib/validation/song';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SongFields } from './song-fields';

/**
 * The new song shows in the list at once and the form empties for the next one while the first is saved. The
 * form is submitted by hand, not through `<form action>`: React would reset it when the action finishes, wiping
 * whatever the user typed meanwhile. A refused song comes back into the form, with its errors.
 */
export function AddSongForm({ bandId }: { bandId: string }) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [refusals, setRefusals] = useState(0);
  const online = useOnline();
  const [state, dispatch, pending] = useActionState(async (previous: SongFormState, formData: FormData): Promise<SongFormState> => {
    const parsed = songCreateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'insert' as const, row: draftSong(parsed.data.id!, parsed.data) } : null;
    const replayable = { op: 'songs.create', payload: formValues(formData), label: `Add “${formData.get('title')}”` };
    const result = await mutate(change, () => createSong(previous, formData), formData, replayable);
    if (result.status === 'invalid') setRefusals((count) => count + 1); // refills the fields with what was sent
    return result;
  }, IDLE);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    // The id is picked here so the song shows at once and the saved row (and its Realtime echo) replace it.
    const formData = new FormData(form);
    formData.set('id', newId());
    startTransition(() => dispatch(formData));
    if (songCreateSchema.safeParse(formValues(formData)).success) form.reset();
  };

  const invalid = state.status === 'invalid' ? state : undefined;
  return (
    <section className="rounded-2xl border border-white/10 bg-stage-900 p-4">
      <h3 className="font-semibold text-amp-400">Add a song</h3>
      <form onSubmit={submit} aria-label="Add a song" className="mt-4 flex flex-col gap-3" noValidate>
        <input type="hidden" name="band_id" value={bandId} />
        <SongFields key={refusals} idPrefix="new-song" values={invalid?.values} errors={invalid?.errors} />
        <FormMessage message={invalid?.errors?.form} />
        <Button type="submit" className="self-start">
          {pending ? 'Adding…' : online ? 'Add song' : 'Add on this device'}
        </Button>
      </form>
    </section>
  );
}
