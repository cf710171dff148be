'use client';

import { useActionState, useRef } from 'react';
import { updateProfile, type ProfileState } from '@/lib/actions/profile';
import { whenReachable } from '@/lib/actions/when-reachable';
import { DISPLAY_NAME_MAX } from '@/lib/validation/profile';
import { Button } from '@/components/ui/button';
import { CountedInput } from '@/components/ui/counted-input';
import { FormMessage } from '@/components/ui/form-message';
import { useFocusFirstError } from '@/components/ui/use-focus-first-error';

const updateProfileWhenReachable = whenReachable(updateProfile);

export function ProfileForm({ displayName, email }: { displayName: string; email: string }) {
  const [state, action, pending] = useActionState<ProfileState, FormData>(updateProfileWhenReachable, {});
  const form = useRef<HTMLFormElement>(null);
  const nameError = state.errors?.display_name;

  useFocusFirstError(form, state);

  return (
    <form ref={form} action={action} className="flex flex-col gap-4 rounded-2xl border border-white/10 bg-stage-900 p-5" noValidate>
      <p className="text-sm text-zinc-400">
        Signed in as <span className="break-all text-zinc-200">{email}</span>
      </p>
      <CountedInput
        label="Display name"
        name="display_name"
        limit={DISPLAY_NAME_MAX}
        defaultValue={state.values?.display_name ?? displayName}
        error={nameError}
        autoComplete="nickname"
      />
      <FormMessage message={state.errors?.form} />
      <p role="status" className="min-h-5 text-sm text-amp-400">
        {state.saved && !pending ? `Saved. Your bandmates now see “${state.saved}”.` : ''}
      </p>
      <Button type="submit" disabled={pending} className="self-start">
        {pending ? 'Saving…' : 'Save name'}
      </Button>
    </form>
  );
}
