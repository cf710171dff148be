'use client';

import { useActionState } from 'react';
import { setNewPassword } from '@/lib/actions/auth-email';
import type { FormState } from '@/lib/actions/state';
import { whenReachable } from '@/lib/actions/when-reachable';
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from '@/lib/validation/auth';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useFormFocus } from './use-form-focus';

const setWhenReachable = whenReachable(setNewPassword);

export function NewPasswordForm() {
  const [state, formAction, pending] = useActionState(setWhenReachable, {} as FormState<'password' | 'confirm'>);
  const form = useFormFocus(state);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      {/* For password managers: they file the new password under this account. */}
      <input type="hidden" name="username" autoComplete="username" />
      <Field inputClassName="min-h-11"
        label={`New password (${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_BYTES} characters)`}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        error={state.errors?.password}
      />
      <Field inputClassName="min-h-11" label="Type it again" name="confirm" type="password" autoComplete="new-password" required error={state.errors?.confirm} />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save the new password'}
      </Button>
    </form>
  );
}
