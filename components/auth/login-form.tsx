'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { signIn } from '@/lib/actions/auth';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { whenReachable } from '@/lib/actions/when-reachable';
import { useFormFocus } from './use-form-focus';

const signInWhenReachable = whenReachable(signIn);

/** `/path` with this page's ?next= carried over, so every way in returns to where the visitor was going. */
function withNext(path: string, next: string): string {
  return next === '/bands' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signInWhenReachable, {});
  const form = useFormFocus(state);
  return (
    <div className="flex flex-col gap-6">
      <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="next" value={next} />
        <Field inputClassName="min-h-11" label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} error={state.errors?.email} />
        <Field inputClassName="min-h-11" label="Password" name="password" type="password" autoComplete="current-password" error={state.errors?.password} />
        <Link className="-mt-2 inline-flex min-h-11 items-center self-end text-sm text-amp-400 underline" href="/forgot-password">
          Forgot password?
        </Link>
        <FormMessage message={state.errors?.form} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <Link
        href={withNext('/login/email', next)}
        className="inline-flex min-h-11 items-center justify-center rounded-lg border border-white/15 px-4 py-2 text-sm font-semibold text-zinc-200 hover:border-white/30"
      >
        Email me a sign-in link
      </Link>
      <p className="text-sm text-zinc-400">
        New here?{' '}
        <Link className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline" href={withNext('/signup', next)}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
