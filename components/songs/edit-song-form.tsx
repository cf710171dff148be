'use client';

import { useActionState, useRef, useState } from 'react';
import { updateSong } from '@/lib/actions/songs';
import type { SongFormState } from '@/lib/actions/state';
import type { Song } from '@/lib/database.types';
import { rowKey } from '@/lib/live/definition';
import { IDLE } from '@/lib/live/result';
import { useSongsStore, useSongsStoreApi } from '@/lib/live/stores';
import { songsTable } from '@/lib/live/tables/songs';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { useOnline } from '@/lib/live/use-online';
import { conflictHints, songBase } from '@/lib/songs/conflicts';
import { formValues } from '@/lib/validation/form';
import { songUpdateSchema } from '@/lib/validation/song';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { RestoreSong } from './restore-song';
import { SongFields } from './song-fields';
import { useDeletedBy } from './use-deleted-by';

type Props = { song: Song; deleted: boolean; onClose: () => void };

/**
 * Edits one song against the version it was opened from. `song` is the live row (Realtime keeps it current);
 * `base` is what the user started from and goes with the save, so the server can merge field by field with a
 * bandmate's newer save and ask only about fields both changed. A song deleted meanwhile keeps the form open.
 */
export function EditSongForm({ song, deleted, onClose }: Props) {
  const mutate = useLiveMutation(songsTable, useSongsStoreApi());
  const saving = useSongsStore((store) => rowKey(songsTable, song)! in store.overlays);
  const [base, setBase] = useState(song);
  const online = useOnline();
  const deletedBy = useDeletedBy(song.id, deleted);
  const [state, formAction, pending] = useActionState(async (previous: SongFormState, formData: FormData): Promise<SongFormState> => {
    const parsed = songUpdateSchema.safeParse(formValues(formData));
    const change = parsed.success ? { kind: 'update' as const, row: { id: parsed.data.id }, patch: withoutIdentity(parsed.data) } : null;
    const replayable = { op: 'songs.update', payload: formValues(formData), label: `Edit “${base.title}”` };
    const result = await mutate(change, () => updateSong(previous, formData), formData, replayable);
    if (result.status === 'conflict') setBase(result.row); // the form now saves against their version
    if (result.status === 'saved' || result.status === 'queued') onClose();
    return result;
  }, IDLE);

  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const invalid = state.status === 'invalid' ? state : undefined;
  const conflict = state.status === 'conflict' ? state : undefined;
  // Our own save's Realtime echo can overtake its answer; only a newer version nobody here is saving is news.
  const changedMeanwhile = !deleted && song.version > base.version && !conflict && !saving && !pending;
  return (
    <form ref={form} action={formAction} aria-label={`Edit ${base.title}`} className="mt-4 flex flex-col gap-3 border-t border-white/10 pt-4" noValidate>
      <input type="hidden" name="id" value={base.id} />
      <input type="hidden" name="band_id" value={base.band_id} />
      <input type="hidden" name="version" value={base.version} />
      <input type="hidden" name="base" value={JSON.stringify(songBase(base))} />
      {changedMeanwhile ? (
        <FormMessage tone="info" message="A bandmate just changed this song. Saving keeps their changes and yours; you will be asked only about fields you both changed." />
      ) : null}
      {deleted ? <FormMessage message={`${deletedBy ?? 'A bandmate'} deleted this song while you were editing. What you typed is still here.`} /> : null}
      <FormMessage message={conflict?.message} />
      <SongFields
        key={base.version}
        idPrefix={`edit-${base.id}`}
        song={base}
        values={invalid?.values ?? conflict?.values}
        errors={invalid?.errors ?? conflictHints(conflict?.conflicts)}
      />
      <FormMessage message={invalid?.errors?.form} />
      <div className="flex flex-wrap gap-2">
        {deleted ? (
          <RestoreSong bandId={base.band_id} onRestored={onClose} />
        ) : (
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : online ? 'Save' : 'Save on this device'}
          </Button>
        )}
        <Button type="button" variant="secondary" onClick={onClose}>
          {deleted ? 'Discard' : 'Cancel'}
        </Button>
      </div>
    </form>
  );
}

/** The edited fields only: identity and version are the server's, never part of the echo. */
function withoutIdentity(fields: Partial<Song> & { base?: unknown }): Partial<Song> {
  const patch = { ...fields };
  delete patch.id;
  delete patch.band_id;
  delete patch.version;
  delete patch.base;
  return patch;
}
