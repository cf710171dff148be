'use client';

import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
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
import { AddDialog } from '@/components/ui/dialog';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SongFields } from './song-fields';

/**
 * "Add a song" opens a sheet; a song that passes validation closes it and shows in the list at once while it is
 * saved. A refused song reopens the sheet with what was typed and its errors. The action state lives here, outside
 * the dialog, so closing the sheet while the save runs loses nothing. The form is submitted by hand, not through
 * `<form action>`: React would reset it when the action finishes.
 */
export function AddSongDialog({ bandId }: { bandId: string }) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [open, setOpen] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const online = useOnline();
  const form = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState(async (previous: SongFormState, formData: FormData): Promise<SongFormState> => {
    const parsed = songCreateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'insert' as const, row: draftSong(parsed.data.id!, parsed.data) } : null;
    const replayable = { op: 'songs.create', payload: formValues(formData), label: `Add “${formData.get('title')}”` };
    const result = await mutate(change, () => createSong(previous, formData), formData, replayable);
    if (result.status === 'invalid') {
      setRefusals((count) => count + 1); // refills the fields with what was sent
      setOpen(true);
    }
    return result;
  }, IDLE);
  useFocusFirstError(form, state);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The id is picked here so the song shows at once and the saved row (and its Realtime echo) replace it.
    const formData = new FormData(event.currentTarget);
    formData.set('id', newId());
    startTransition(() => dispatch(formData));
    if (songCreateSchema.safeParse(formValues(formData)).success) setOpen(false);
  };

  const invalid = state.status === 'invalid' ? state : undefined;
  return (
    <AddDialog label="Add a song" className="self-start" open={open} onOpenChange={setOpen}>
      {() => (
        <form ref={form} onSubmit={submit} aria-label="Add a song" className="flex flex-col gap-3" noValidate>
          <input type="hidden" name="band_id" value={bandId} />
          <SongFields key={refusals} idPrefix="new-song" values={invalid?.values} errors={invalid?.errors} />
          <FormMessage message={invalid?.errors?.form} />
          <Button type="submit" className="self-start">
            {pending ? 'Adding…' : online ? 'Add song' : 'Add on this device'}
          </Button>
        </form>
      )}
    </AddDialog>
  );
}
