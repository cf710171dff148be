'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef, useState } from 'react';
import { createShow, updateShow } from '@/lib/actions/shows';
import type { ShowFormState } from '@/lib/actions/state';
import type { ShowRow } from '@/lib/database.types';
import { dateIn, timeIn } from '@/lib/calendar/zoned';
import { newId } from '@/lib/live/new-id';
import { IDLE } from '@/lib/live/result';
import { useSetlistsStore, useShowsStoreApi } from '@/lib/live/stores';
import { draftRow, showsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { showBase, showConflictHints } from '@/lib/shows/conflicts';
import { feeInput } from '@/lib/shows/money';
import { formValues } from '@/lib/validation/form';
import { deviceZone } from '@/lib/validation/schedule';
import { parseShowFields, SHOW_TIMES } from '@/lib/validation/show';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { SaveCancel } from '@/components/ui/save-cancel';
import { FormMessage } from '@/components/ui/form-message';
import { ShowFormFields } from './show-form-fields';

/** The form's text for a saved show: wall-clock times in the venue's zone, the fee in currency units. */
function formOf(show: ShowRow): Record<string, string> {
  const zone = show.time_zone;
  const values: Record<string, string> = { date: dateIn(show.starts_at, zone), time_zone: zone, status: show.status, currency: show.currency };
  for (const name of SHOW_TIMES) values[name] = show[name] ? timeIn(show[name], zone) : '';
  for (const name of ['title', 'venue_name', 'venue_address', 'setlist_id', 'contacts', 'notes'] as const) values[name] = show[name] ?? '';
  values.fee_cents = feeInput(show.fee_cents);
  return values;
}

/** Plans a show (no `show`) or edits one against the version it opened with, merging a bandmate's save. */
export function ShowForm({ bandId, show, onDone }: { bandId: string; show?: ShowRow; onDone: () => void }) {
  const router = useRouter();
  const mutate = useLiveMutation(showsTable, useShowsStoreApi());
  const setlists = useSetlistsStore((state) => state.rows);
  const [base, setBase] = useState(show);
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: ShowFormState, formData: FormData): Promise<ShowFormState> => {
    const values = formValues(formData);
    const parsed = parseShowFields(values);
    const fields = 'fields' in parsed ? parsed.fields : null;
    if (!base) {
      const id = newId();
      formData.set('id', id);
      const draft = fields ? draftRow<ShowRow>({ ...fields, id, band_id: bandId, created_by: null }) : null;
      const replayable = { op: 'shows.create', payload: formValues(formData), label: `Plan “${values.title}”` };
      const result = await mutate(draft ? { kind: 'insert', row: draft } : null, () => createShow(previous, formData), formData, replayable);
      if (result.status === 'saved') router.push(`/bands/${bandId}/shows/${result.row.id}`);
      if (result.status === 'queued') onDone();
      return result;
    }
    const replayable = { op: 'shows.update', payload: values, label: `Edit “${base.title}”` };
    const change = fields ? { kind: 'update' as const, row: { id: base.id }, patch: fields } : null;
    const result = await mutate(change, () => updateShow(previous, formData), formData, replayable);
    if (result.status === 'conflict') setBase(result.row);
    if (result.status === 'saved' || result.status === 'queued') onDone();
    return result;
  }, IDLE);
  useFocusFirstError(form, state);
  const invalid = state.status === 'invalid' ? state : undefined;
  const conflict = state.status === 'conflict' ? state : undefined;
  const opened = base ? formOf(base) : { time_zone: deviceZone(), status: 'tentative', currency: 'EUR' };
  const values = { ...opened, ...(invalid?.values ?? conflict?.values) };
  const errors = { ...(base ? showConflictHints(base.time_zone, conflict?.conflicts) : {}), ...invalid?.errors };
  return (
    <form ref={form} action={formAction} aria-label={base ? 'Edit show' : 'New show'} className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4" noValidate>
      <input type="hidden" name="band_id" value={bandId} />
      {base ? (
        <>
          <input type="hidden" name="id" value={base.id} />
          <input type="hidden" name="version" value={base.version} />
          <input type="hidden" name="base" value={JSON.stringify(showBase(base))} />
        </>
      ) : null}
      <FormMessage message={conflict?.message} />
      <ShowFormFields key={`${base?.version ?? 'new'}-${state.status}`} prefix={base ? 'edit-show' : 'new-show'} values={values} errors={errors} setlists={setlists} />
      <FormMessage message={invalid?.errors?.form} />
      <SaveCancel pending={pending} label={base ? 'Save show' : 'Plan show'} onCancel={onDone} />
    </form>
  );
}
