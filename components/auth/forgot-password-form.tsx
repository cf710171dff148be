'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { requestPasswordReset } from '@/lib/actions/auth-email';
import type { MailFormState } from '@/lib/actions/state';
import { whenReachable } from '@/lib/actions/when-reachable';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useFormFocus } from './use-form-focus';

const requestWhenReachable = whenReachable(requestPasswordReset);

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestWhenReachable, {} as MailFormState);
  const form = useFormFocus(state);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      {state.sent ? (
        <FormMessage
          tone="info"
          message={`If an account uses ${state.sent.email}, we have sent it a link to choose a new password. The link works once, for one hour. Nothing there? Check the spam folder.`}
        />
      ) : null}
      <Field inputClassName="min-h-11"
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? state.sent?.email}
        error={state.errors?.email}
      />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : state.sent ? 'Send the link again' : 'Send me a reset link'}
      </Button>
      <p className="text-sm text-zinc-400">
        Remembered it?{' '}
        <Link className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline" href="/login">
          Sign in
        </Link>
      </p>
    </form>
  );
}
