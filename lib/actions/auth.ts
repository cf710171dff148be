'use server';

import { redirect } from 'next/navigation';
import { authErrorMessage } from '@/lib/auth/error-messages';
import { createClient } from '@/lib/supabase/server';
import { safeNextPath, signInSchema, signUpSchema } from '@/lib/validation/auth';
import { fieldErrors, formValues } from '@/lib/validation/form';
import type { FormState } from './state';

type AuthField = 'email' | 'password' | 'display_name';

export async function signIn(_previous: FormState<AuthField>, formData: FormData): Promise<FormState<AuthField>> {
  const values = formValues(formData);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: { email: values.email ?? '' } };

  const supabase = await createClient();
  const { error } = await supabase.auth.signInWithPassword(parsed.data);
  if (error) {
    const { field, message } = authErrorMessage(error, 'sign-in');
    return { errors: { [field === 'token' ? 'form' : field]: message }, values: { email: parsed.data.email } };
  }
  redirect(safeNextPath(formData.get('next')));
}

export async function signUp(_previous: FormState<AuthField>, formData: FormData): Promise<FormState<AuthField>> {
  const values = formValues(formData);
  const kept = { email: values.email ?? '', display_name: values.display_name ?? '' };
  const parsed = signUpSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: kept };

  const supabase = await createClient();
  const { data, error } = await supabase.auth.signUp({
    email: parsed.data.email,
    password: parsed.data.password,
    // The profiles trigger reads display_name from the user metadata.
    options: { data: { display_name: parsed.data.display_name } },
  });
  if (error) {
    const { field, message } = authErrorMessage(error, 'sign-up');
    return { errors: { [field === 'token' ? 'form' : field]: message }, values: kept };
  }
  // With email confirmations on (a hosted project's default) there is no session until the link is followed.
  if (!data.session) return { errors: { form: 'Check your email for a confirmation link, then sign in.' }, values: kept };
  redirect(safeNextPath(formData.get('next')));
}

/** This device only: other devices keep their sessions (see signOutEverywhere in ./auth-email.ts for all). */
export async function signOut(): Promise<void> {
  const supabase = await createClient();
  await supabase.auth.signOut({ scope: 'local' });
  redirect('/login');
}
