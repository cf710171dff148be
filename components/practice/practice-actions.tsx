'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { deletePractice } from '@/lib/actions/practice';
import type { PracticeFormState } from '@/lib/actions/state';
import type { PracticeSessionRow } from '@/lib/database.types';
import { IDLE } from '@/lib/live/result';
import { usePracticeSessionsStoreApi } from '@/lib/live/stores';
import { practiceSessionsTable } from '@/lib/live/tables/calendar';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { formValues } from '@/lib/validation/form';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';

/** Edit and delete (two steps: a stray tap must not delete the band's practice with its agenda). */
export function PracticeActions({ practice, afterDelete, onEdit }: { practice: PracticeSessionRow; afterDelete: string; onEdit: () => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mutate = useLiveMutation(practiceSessionsTable, usePracticeSessionsStoreApi());
  const [removal, removeAction, removing] = useActionState(async (previous: PracticeFormState, formData: FormData) => {
    const replayable = { op: 'practice.delete', payload: formValues(formData), label: 'Delete a practice' };
    const result = await mutate({ kind: 'delete', row: { id: practice.id } }, () => deletePractice(previous, formData), undefined, replayable);
    if (result.status === 'gone' || result.status === 'queued') router.push(afterDelete);
    return result;
  }, IDLE);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" className="min-h-11" onClick={onEdit}>
        Edit details
      </Button>
      {confirming ? (
        <form action={removeAction} className="flex flex-wrap gap-2">
          <input type="hidden" name="id" value={practice.id} />
          <input type="hidden" name="band_id" value={practice.band_id} />
          <Button type="submit" variant="danger" className="min-h-11" disabled={removing}>
            {removing ? 'Deleting…' : 'Delete this practice'}
          </Button>
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </form>
      ) : (
        <Button variant="danger" className="min-h-11" onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      <FormMessage message={removal.status === 'invalid' ? removal.errors?.form : undefined} />
    </div>
  );
}
