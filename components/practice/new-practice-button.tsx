'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useRef, useState } from 'react';
import { createPractice } from '@/lib/actions/practice';
import type { PracticeFormState } from '@/lib/actions/state';
import type { PracticeSessionRow } from '@/lib/database.types';
import { newId } from '@/lib/live/new-id';
import { IDLE } from '@/lib/live/result';
import { usePracticeSessionsStoreApi } from '@/lib/live/stores';
import { draftRow, practiceSessionsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { parsePracticeFields } from '@/lib/validation/practice';
import { deviceZone } from '@/lib/validation/schedule';
import { AddDialog } from '@/components/ui/dialog';
import { SaveCancel } from '@/components/ui/save-cancel';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { PracticeFields } from './practice-fields';

/**
 * "Plan a practice": the shared sheet/dialog with the practice's fields, opened fresh with the device's zone each
 * time; once saved, the practice's page opens. Needs CalendarLive (the practice sessions' store).
 */
export function NewPracticeButton({ bandId }: { bandId: string }) {
  return <AddDialog label="Plan a practice">{(close) => <PlanPracticeForm bandId={bandId} onCancel={close} />}</AddDialog>;
}

function PlanPracticeForm({ bandId, onCancel }: { bandId: string; onCancel: () => void }) {
  const [zone] = useState(deviceZone);
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const mutate = useLiveMutation(practiceSessionsTable, usePracticeSessionsStoreApi());
  const [id] = useState(newId);
  const [state, formAction, pending] = useActionState(async (previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> => {
    const values = formValues(formData);
    const parsed = parsePracticeFields(values);
    const draft = 'fields' in parsed ? draftRow<PracticeSessionRow>({ ...parsed.fields, id, band_id: bandId, created_by: null, summary: null }) : null;
    const replayable = { op: 'practice.create', payload: values, label: 'Plan a practice' };
    const result = await mutate(draft ? { kind: 'insert', row: draft } : null, () => createPractice(previous, formData), formData, replayable);
    if (result.status === 'saved') router.push(`/bands/${bandId}/practice/${result.row.id}`);
    return result;
  }, IDLE);
  const invalid = state.status === 'invalid' ? state : undefined;
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={formAction} aria-label="Plan a practice" className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="band_id" value={bandId} />
      <PracticeFields idPrefix="new-practice" values={invalid?.values ?? { time_zone: zone }} errors={invalid?.errors} />
      <FormMessage message={invalid?.errors?.form} />
      {state.status === 'queued' ? <FormMessage tone="info" message={`${state.message} It opens here once it is saved.`} /> : null}
      <SaveCancel pending={pending} label={'Save practice'} onCancel={onCancel} />
    </form>
  );
}
