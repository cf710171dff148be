'use client';

import { useActionState } from 'react';
import { createBand } from '@/lib/actions/bands';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';

const createBandWhenReachable = whenReachable(createBand);

export function CreateBandForm() {
  const [state, formAction, pending] = useActionState(createBandWhenReachable, {});
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-5" noValidate>
      <h2 className="text-lg font-semibold">Start a band</h2>
      <Field label="Band name" name="name" defaultValue={state.values?.name} error={state.errors?.name} limit={80} />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create band'}
      </Button>
    </form>
  );
}
