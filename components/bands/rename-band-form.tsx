'use client';

import { useActionState, useRef } from 'react';
import { renameBand, type BandResult } from '@/lib/actions/band-admin';
import { IDLE } from '@/lib/live/result';
import { useBandsStoreApi } from '@/lib/live/stores';
import { bandsTable } from '@/lib/live/tables/bands';
import { useLiveMutation } from '@/lib/live/use-live-mutation';
import { BAND_NAME_MAX } from '@/lib/validation/band';
import { Button } from '@/components/ui/button';
import { CountedInput } from '@/components/ui/counted-input';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { useLiveBand } from './band-live';

/** Owners and admins rename the band; the new name shows at once here and on every member's screens. */
export function RenameBandForm() {
  const { bandId, name } = useLiveBand();
  const mutate = useLiveMutation(bandsTable, useBandsStoreApi());
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(async (previous: BandResult, form: FormData) => {
    const next = String(form.get('name') ?? '').trim();
    const change = next ? { kind: 'update' as const, row: { id: bandId }, patch: { name: next } } : null;
    // Not replayable offline: without a connection the answer is "could not reach the server", never queued.
    return (await mutate(change, () => renameBand(previous, form), form)) as BandResult;
  }, IDLE as BandResult);
  const nameError = state.status === 'invalid' ? state.errors?.name : undefined;

  useFocusFirstError(form, state);

  return (
    <form ref={form} action={action} className="flex flex-col gap-3" noValidate>
      <h3 className="font-semibold">Rename the band</h3>
      <input type="hidden" name="band_id" value={bandId} />
      <CountedInput
        label="Band name"
        name="name"
        limit={BAND_NAME_MAX}
        defaultValue={state.status === 'invalid' ? (state.values?.name ?? name) : name}
        error={nameError}
        autoComplete="off"
      />
      <FormMessage message={state.status === 'invalid' ? state.errors?.form : undefined} />
      {state.status === 'saved' ? <FormMessage tone="info" message={`Renamed to “${state.row.name}”.`} /> : null}
      <Button type="submit" variant="secondary" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save name'}
      </Button>
    </form>
  );
}
