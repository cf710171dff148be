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

/**
 * "Restore as a new song" for an edit whose song a bandmate deleted: submits the surrounding edit form's fields
 * as a new song (a new id: the deleted one stays deleted for everyone who saw it go).
 */
export function RestoreSong({ bandId, onRestored }: { bandId: string; onRestored: () => void }) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const [state, restore, pending] = useActionState(async (previous: SongFormState, submitted: FormData): Promise<SongFormState> => {
    const formData = new FormData();
    for (const [name, value] of Object.entries(formValues(submitted))) if (!['id', 'version', 'base'].includes(name)) formData.set(name, value);
    formData.set('id', newId());
    formData.set('band_id', bandId);
    const parsed = songCreateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'insert' as const, row: draftSong(parsed.data.id!, parsed.data) } : null;
    const result = await mutate(change, () => createSong(previous, formData), formData);
    if (result.status === 'saved') onRestored();
    return result;
  }, IDLE);
  return (
    <>
      <Button type="submit" formAction={restore} disabled={pending}>
        {pending ? 'Restoring…' : 'Restore as a new song'}
      </Button>
      <FormMessage message={state.status === 'invalid' ? (state.errors?.form ?? Object.values(state.errors ?? {})[0]) : undefined} />
    </>
  );
}
