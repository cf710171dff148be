'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
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
import { Button } from '@/components/ui/button';
import { SaveCancel } from '@/components/ui/save-cancel';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { PracticeFields } from './practice-fields';

/**
 * "Plan a practice": a modal <dialog> (focus moves in, Escape closes, focus returns to the button) with the
 * practice's fields; once saved, the practice's page opens. Needs CalendarLive (the practice sessions' store).
 */
export function NewPracticeButton({ bandId }: { bandId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // Open: the device's zone at that moment, and a fresh form; closed, the form is not rendered at all.
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!zone || !element || element.open) return;
    element.showModal();
    element.querySelector<HTMLInputElement>('input:not([type=hidden])')?.focus();
  }, [zone]);
  return (
    <>
      <Button ref={trigger} className="min-h-11" onClick={() => setZone(deviceZone())} aria-haspopup="dialog">
        Plan a practice
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={zone ? 'plan-practice-title' : undefined}
        onClose={() => {
          setZone(null);
          trigger.current?.focus();
        }}
        className="m-auto max-h-[90dvh] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-2xl border border-white/10 bg-stage-900 p-4 text-zinc-100 backdrop:bg-black/70"
      >
        {zone ? <PlanPracticeForm bandId={bandId} zone={zone} onCancel={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  );
}

function PlanPracticeForm({ bandId, zone, onCancel }: { bandId: string; zone: string; onCancel: () => void }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const mutate = useLiveMutation(practiceSessionsTable, usePracticeSessionsStoreApi());
  const [id] = useState(newId);
  const [state, formAction, pending] = useActionState(async (previous: PracticeFormState, formData: FormData): Promise<PracticeFormState> => {
    const values = formValues(formData);
    const parsed = parsePracticeFields(values);
    const draft = 'fields' in parsed ? draftRow<PracticeSessionRow>({ ...parsed.fields, id, band_id: bandId, created_by: null }) : null;
    const replayable = { op: 'practice.create', payload: values, label: 'Plan a practice' };
    const result = await mutate(draft ? { kind: 'insert', row: draft } : null, () => createPractice(previous, formData), formData, replayable);
    if (result.status === 'saved') router.push(`/bands/${bandId}/practice/${result.row.id}`);
    return result;
  }, IDLE);
  const invalid = state.status === 'invalid' ? state : undefined;
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={formAction} aria-labelledby="plan-practice-title" className="flex flex-col gap-3" noValidate>
      <h2 id="plan-practice-title" className="text-lg font-semibold">
        Plan a practice
      </h2>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="band_id" value={bandId} />
      <PracticeFields idPrefix="new-practice" values={invalid?.values ?? { time_zone: zone }} errors={invalid?.errors} />
      <FormMessage message={invalid?.errors?.form} />
      {state.status === 'queued' ? <FormMessage tone="info" message={`${state.message} It opens here once it is saved.`} /> : null}
      <SaveCancel pending={pending} label={'Save practice'} onCancel={onCancel} />
    </form>
  );
}
