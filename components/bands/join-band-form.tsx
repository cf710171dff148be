'use client';

import { useActionState } from 'react';
import { joinBand } from '@/lib/actions/bands';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';

const joinBandWhenReachable = whenReachable(joinBand);

type Props = {
  initialCode?: string;
  /** What is wrong with a code that came in a link, shown before the first submit. */
  initialError?: string;
  /** False inside a dialog, whose title already names the form. */
  titled?: boolean;
};

export function JoinBandForm({ initialCode = '', initialError, titled = true }: Props) {
  const [state, formAction, pending] = useActionState(joinBandWhenReachable, {});
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-2xl border border-white/10 bg-stage-900 p-5" noValidate>
      {titled ? <h2 className="text-lg font-semibold">Join a band</h2> : null}
      <Field
        label="Invite code"
        name="code"
        defaultValue={state.values?.code ?? initialCode}
        error={state.values ? state.errors?.code : initialError}
        autoComplete="off"
        spellCheck={false}
      />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join band'}
      </Button>
    </form>
  );
}
