'use client';

import { useActionState, useRef, useState } from 'react';
import { updatePractice } from '@/lib/actions/practice';
import type { PracticeFormState } from '@/lib/actions/state';
import type { PracticeSessionRow } from '@/lib/database.types';
import { dateIn, timeIn } from '@/lib/calendar/zoned';
import { IDLE } from '@/lib/live/result';
import { usePracticeSessionsStoreApi } from '@/lib/live/stores';
import { practiceSessionsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { practiceBase, practiceConflictHints } from '@/lib/practice/conflicts';
import { formValues } from '@/lib/validation/form';
import { parsePracticeFields } from '@/lib/validation/practice';
import { SaveCancel } from '@/components/ui/save-cancel';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { PracticeFields } from './practice-fields';

/** The practice as its form shows it: wall-clock date and times in its own zone. */
function formOf(practice: PracticeSessionRow): Record<string, string> {
  const zone = practice.time_zone;
  return {
    date: dateIn(practice.starts_at, zone),
    starts_at: timeIn(practice.starts_at, zone),
    ends_at: timeIn(practice.ends_at, zone),
    time_zone: zone,
    location: practice.location ?? '',
    notes: practice.notes ?? '',
  };
}

/** When, where and notes, saved against the version it was opened from and merged field by field (as setlists). */
export function PracticeDetailsForm({ practice, onClose }: { practice: PracticeSessionRow; onClose: () => void }) {
  const form = useRef<HTMLFormElement>(null);
  const mutate = useLiveMutation(practiceSessionsTable, usePracticeSessionsStoreApi());
  const [base, setBase] = useState(practice);
  const [state, formAction, pending] = useActionState(async (previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> => {
    const parsed = parsePracticeFields(formValues(formData));
    const replayable = { op: 'practice.update', payload: formValues(formData), label: 'Edit the practice' };
    const change = 'fields' in parsed ? ({ kind: 'update', row: { id: base.id }, patch: parsed.fields } as const) : null;
    const result = await mutate(change, () => updatePractice(previous, formData), formData, replayable);
    if (result.status === 'conflict') setBase(result.row); // saves against their version now
    if (result.status === 'saved' || result.status === 'queued') onClose();
    return result;
  }, IDLE);
  const invalid = state.status === 'invalid' ? state : undefined;
  const conflict = state.status === 'conflict' ? state : undefined;
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={formAction} aria-label="Practice details" className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-4" noValidate>
      <input type="hidden" name="id" value={base.id} />
      <input type="hidden" name="band_id" value={base.band_id} />
      <input type="hidden" name="version" value={base.version} />
      <input type="hidden" name="base" value={JSON.stringify(practiceBase(base))} />
      <FormMessage message={conflict?.message} />
      <div key={base.version} className="flex flex-col gap-3">
        <PracticeFields idPrefix="practice" values={{ ...formOf(base), ...(invalid?.values ?? conflict?.values) }} errors={invalid?.errors} hints={practiceConflictHints(conflict?.conflicts)} />
      </div>
      <FormMessage message={invalid?.errors?.form} />
      <SaveCancel pending={pending} onCancel={onClose} />
    </form>
  );
}
