'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signUp } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';
import { MIN_PASSWORD_LENGTH } from '@/lib/validation/auth';
import { useFormFocus } from './use-form-focus';

const signUpWhenReachable = whenReachable(signUp);

export function SignupForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signUpWhenReachable, {});
  const form = useFormFocus(state);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Field inputClassName="min-h-11" label="Your name" name="display_name" autoComplete="nickname" defaultValue={state.values?.display_name} error={state.errors?.display_name} />
      <Field inputClassName="min-h-11" label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
      <Field inputClassName="min-h-11" label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`} name="password" type="password" autoComplete="new-password" error={state.errors?.password} />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
      <p className="text-sm text-zinc-400">
        Already in a band?{' '}
        <Link className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline" href={next === '/bands' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
