'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { sendSignInLink } from '@/lib/actions/auth-email';
import type { MailFormState } from '@/lib/actions/state';
import { whenReachable } from '@/lib/actions/when-reachable';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SignInCodeForm } from './sign-in-code-form';
import { useFormFocus } from './use-form-focus';

const sendWhenReachable = whenReachable(sendSignInLink);

/** Step one asks for the address; once the mail is sent, step two takes its code (for a mail read elsewhere). */
export function EmailSignIn({ next }: { next: string }) {
  const [attempt, setAttempt] = useState(0);
  return <EmailSignInSteps key={attempt} next={next} onRestart={() => setAttempt((value) => value + 1)} />;
}

function EmailSignInSteps({ next, onRestart }: { next: string; onRestart: () => void }) {
  const [state, formAction, pending] = useActionState(sendWhenReachable, {} as MailFormState);
  const form = useFormFocus(state);
  if (state.sent) return <SignInCodeForm email={state.sent.email} next={next} onRestart={onRestart} />;

  const noAccount = state.errors?.email?.startsWith('There is no account');
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <Field inputClassName="min-h-11" label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.errors?.email} />
      {noAccount ? (
        <Link className="inline-flex min-h-11 items-center text-sm text-amp-400 underline" href={next === '/bands' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`}>
          Create an account
        </Link>
      ) : null}
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </Button>
      <p className="text-sm text-zinc-400">
        Know your password?{' '}
        <Link className="inline-flex min-h-11 min-w-11 items-center justify-center text-amp-400 underline" href={next === '/bands' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>
          Sign in with it
        </Link>
      </p>
    </form>
  );
}
