'use client';

import { useActionState } from 'react';
import { verifySignInCode } from '@/lib/actions/auth-email';
import type { MailFormState } from '@/lib/actions/state';
import { whenReachable } from '@/lib/actions/when-reachable';
import { OTP_LENGTH } from '@/lib/validation/auth';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useFormFocus } from './use-form-focus';

const verifyWhenReachable = whenReachable(verifySignInCode);

/** The mail's code, typed in: for a mail opened on another device than this one. */
export function SignInCodeForm({ email, next, onRestart }: { email: string; next: string; onRestart: () => void }) {
  const [state, formAction, pending] = useActionState(verifyWhenReachable, { sent: { email } } as MailFormState);
  const form = useFormFocus(state);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormMessage
        tone="info"
        message={`We sent a sign-in link and a ${OTP_LENGTH}-digit code to ${email}. Open the link on this device, or type the code here.`}
      />
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="next" value={next} />
      <Field
        label={`Code from the email (${OTP_LENGTH} digits)`}
        name="token"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern={`[0-9 ]{${OTP_LENGTH},${OTP_LENGTH * 2}}`}
        required
        inputClassName="min-h-11 text-lg tracking-[0.3em]"
        error={state.errors?.token}
      />
      <FormMessage message={state.errors?.form} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Checking…' : 'Sign in with the code'}
      </Button>
      <Button type="button" variant="secondary" onClick={onRestart}>
        Use another email or send a new code
      </Button>
    </form>
  );
}
