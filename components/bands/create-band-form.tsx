'use client';

import { useActionState, useRef } from 'react';
import { createBand } from '@/lib/actions/bands';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';
import { whenReachable } from '@/lib/actions/when-reachable';

const createBandWhenReachable = whenReachable(createBand);

/** The band's name; on success the action redirects to the new band. */
export function CreateBandForm() {
  const [state, formAction, pending] = useActionState(createBandWhenReachable, {});
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  return (
    <form ref={form} action={formAction} aria-label="Start a band" className="flex flex-col gap-3" noValidate>
      <Field label="Band name" name="name" defaultValue={state.values?.name} error={state.errors?.name} limit={80} />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Creating…' : 'Create band'}
      </Button>
    </form>
  );
}
