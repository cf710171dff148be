'use client';

import { useActionState, useRef, useState } from 'react';
import { updateSetlist } from '@/lib/actions/setlists';
import type { SetlistFormState } from '@/lib/actions/state';
import type { Setlist } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { useSetlistsStoreApi } from '@/lib/live/stores';
import { setlistsTable } from '@/lib/live/tables/setlists';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { SETLIST_NAME_MAX, setlistUpdateSchema } from '@/lib/validation/setlist';
import { setlistBase, setlistConflictHints } from '@/lib/setlists/conflicts';
import { clock } from '@/lib/setlists/timing';
import { SaveCancel } from '@/components/ui/save-cancel';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { FormMessage } from '@/components/ui/form-message';

/** Rename, target length and notes, saved against the version it was opened from (as the song editor). */
export function SetlistDetailsForm({ setlist, onClose }: { setlist: Setlist; onClose: () => void }) {
  const mutate = useLiveMutation(setlistsTable, useSetlistsStoreApi());
  const [base, setBase] = useState(setlist);
  const [name, setName] = useState(setlist.name);
  const [state, formAction, pending] = useActionState(async (previous: SetlistFormState, formData: FormData): Promise<SetlistFormState> => {
    const parsed = setlistUpdateSchema.safeParse(formValues(formData));
    const patch = parsed.success ? { name: parsed.data.name, target_duration_s: parsed.data.target_duration_s, notes: parsed.data.notes } : null;
    const replayable = { op: 'setlists.update', payload: formValues(formData), label: `Edit “${base.name}”` };
    const result = await mutate(patch ? { kind: 'update', row: { id: base.id }, patch } : null, () => updateSetlist(previous, formData), formData, replayable);
    if (result.status === 'conflict') {
      setBase(result.row); // saves against their version now; fields only they changed show their value
      if (!('name' in (result.values ?? {}))) setName(result.row.name);
    }
    if (result.status === 'saved' || result.status === 'queued') onClose();
    return result;
  }, IDLE);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const invalid = state.status === 'invalid' ? state : undefined;
  const conflict = state.status === 'conflict' ? state : undefined;
  const values = invalid?.values ?? conflict?.values;
  const hints = setlistConflictHints(conflict?.conflicts);
  return (
    <form ref={form} action={formAction} aria-label="Setlist details" className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4" noValidate>
      <input type="hidden" name="id" value={base.id} />
      <input type="hidden" name="band_id" value={base.band_id} />
      <input type="hidden" name="version" value={base.version} />
      <input type="hidden" name="base" value={JSON.stringify(setlistBase(base))} />
      <FormMessage message={conflict?.message} />
      <div key={base.version} className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field id="setlist-name" label="Name" name="name" limit={SETLIST_NAME_MAX} value={name} onChange={(event) => setName(event.target.value)} error={invalid?.errors?.name ?? hints.name} />
        <Field
          id="setlist-target"
          label="Target length"
          name="target_duration_s"
          placeholder="1:30:00"
          hint="Minutes, m:ss or h:mm:ss"
          defaultValue={values?.target_duration_s ?? (base.target_duration_s === null ? '' : clock(base.target_duration_s))}
          error={invalid?.errors?.target_duration_s ?? hints.target_duration_s}
        />
      </div>
      <Textarea id="setlist-notes" label="Notes" name="notes" rows={2} limit={2000} defaultValue={values?.notes ?? base.notes ?? ''} error={invalid?.errors?.notes ?? hints.notes} />
      <FormMessage message={invalid?.errors?.form} />
      <SaveCancel pending={pending} onCancel={onClose} />
    </form>
  );
}
