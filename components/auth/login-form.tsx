'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signIn } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';

const signInWhenReachable = whenReachable(signIn);

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInWhenReachable, {});
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-sm text-zinc-400">
        New here?{' '}
        <Link className="text-amp-400 underline" href={next === '/bands' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      </p>
    </form>
  );
}
