'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef } from 'react';
import { createSetlist } from '@/lib/actions/setlists';
import type { SetlistFormState } from '@/lib/actions/state';
import { newId } from '@/lib/live/new-id';
import { IDLE } from '@/lib/live/result';
import { useSetlistsStoreApi } from '@/lib/live/stores';
import { setlistsTable } from '@/lib/live/tables/setlists';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { SETLIST_NAME_MAX, setlistCreateSchema } from '@/lib/validation/setlist';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';

/** Name and optional target length; the new setlist shows in the list at once, then its editor opens. */
export function CreateSetlistForm({ bandId, onDone }: { bandId: string; onDone?: () => void }) {
  const router = useRouter();
  const mutate = useLiveMutation(setlistsTable, useSetlistsStoreApi());
  const [state, formAction, pending] = useActionState(async (previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> => {
    formData.set('id', newId());
    const parsed = setlistCreateSchema.safeParse(formValues(formData));
    const now = new Date().toISOString();
    const draft = parsed.success ? { ...parsed.data, id: parsed.data.id!, version: 0, created_by: null, created_at: now, updated_at: now } : null;
    const replayable = { op: 'setlists.create', payload: formValues(formData), label: `Create “${formData.get('name')}”` };
    const result = await mutate(draft ? { kind: 'insert', row: draft } : null, () => createSetlist(previous, formData), formData, replayable);
    if (result.status === 'saved') router.push(`/bands/${bandId}/setlists/${result.row.id}`);
    // Kept on this device (offline): the sheet closes so the list, with the new setlist waiting, shows.
    if (result.status === 'saved' || result.status === 'queued') onDone?.();
    return result;
  }, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const invalid = state.status === 'invalid' ? state : undefined;
  return (
    <form ref={form} action={formAction} aria-label="New setlist" className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="band_id" value={bandId} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="new-setlist-name" label="Setlist name" name="name" required limit={SETLIST_NAME_MAX} defaultValue={invalid?.values?.name} error={invalid?.errors?.name} />
        <Field
          id="new-setlist-target"
          label="Target length"
          name="target_duration_s"
          placeholder="1:30:00"
          hint="Minutes, m:ss or h:mm:ss"
          defaultValue={invalid?.values?.target_duration_s}
          error={invalid?.errors?.target_duration_s}
        />
      </div>
      <FormMessage message={invalid?.errors?.form} />
      <Button type="submit" disabled={pending} className="min-h-11 self-start">
        {pending ? 'Creating…' : 'Create setlist'}
      </Button>
    </form>
  );
}
