'use client';

import { useActionState, useState } from 'react';
import { updateSong } from '@/lib/actions/songs';
import type { SongFormState } from '@/lib/actions/state';
import type { Song } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { IDLE } from '@/lib/live/result';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { songUpdateSchema } from '@/lib/validation/song';
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
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const saving = useSongsStore((store) => rowKey(songsTable, song)! in store.overlays);
  const [base, setBase] = useState(song);
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData): Promise<SongFormState> => {
    const parsed = songUpdateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'update' as const, row: { id: parsed.data.id }, patch: withoutIdentity(parsed.data) } : null;
    const result = await mutate(change, () => updateSong(previous, formData), formData);
    if (result.status === 'conflict') setBase(result.row); // the form now shows, and saves against, their version
    if (result.status === 'saved') onClose();
    return result;
  }, IDLE);

  const invalid = state.status === 'invalid' ? state : undefined;
  // Our own save's Realtime echo can overtake its answer; only a newer version nobody here is saving is news.
  const changedMeanwhile = song.version > base.version && state.status !== 'conflict' && !saving && !pending;
  return (
    <form action={formAction} aria-label={`Edit ${base.title}`} className="mt-4 flex flex-col gap-3 border-t border-white/10 pt-4" noValidate>
      <input type="hidden" name="id" value={base.id} />
      <input type="hidden" name="band_id" value={base.band_id} />
      <input type="hidden" name="version" value={base.version} />
      {changedMeanwhile ? (
        <FormMessage tone="info" message="A bandmate just changed this song. Saving now will be refused; you will see their version first." />
      ) : null}
      {state.status === 'conflict' ? <FormMessage message={`${state.message}${unsavedSummary(state.values ?? {}, state.row)}`} /> : null}
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

/** The edited fields only: identity and version are the server's, never part of the echo. */
function withoutIdentity(fields: Partial<Song>): Partial<Song> {
  const patch = { ...fields };
  delete patch.id;
  delete patch.band_id;
  delete patch.version;
  return patch;
}
