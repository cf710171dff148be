'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authErrorMessage, type AuthForm } from '@/lib/auth/error-messages';
import { confirmLinkPath, PASSWORD_CHANGED_PATH, RECOVERY_NEXT } from '@/lib/auth/links';
import { createClient } from '@/lib/supabase/server';
import { emailSchema, newPasswordSchema, otpCodeSchema, safeNextPath } from '@/lib/validation/auth';
import { fieldErrors, formValues } from '@/lib/validation/form';
import type { FormState, MailFormState, SignOutEverywhereResult } from './state';

// Password reset, sign-in by email link or code, new password, sign out everywhere: each calls supabase-js as
// Supabase documents it, through the @supabase/ssr server client, so the session lands in this request's cookies.

/**
 * The app's own origin, from the request, so a mail's link comes back to wherever the app runs (another port, the
 * LAN address). Auth accepts it only if config.toml's site_url host or additional_redirect_urls allow it.
 */
async function appOrigin(): Promise<string> {
  const request = await headers();
  const origin = request.get('origin');
  if (origin) return origin;
  const host = request.get('x-forwarded-host') ?? request.get('host') ?? '127.0.0.1:3000';
  return `${request.get('x-forwarded-proto') ?? 'http'}://${host}`;
}

function refusal<K extends string>(error: Parameters<typeof authErrorMessage>[0], form: AuthForm, fields: readonly K[]) {
  const { field, message } = authErrorMessage(error, form);
  return { [(fields as readonly string[]).includes(field) ? field : 'form']: message };
}

export async function requestPasswordReset(_previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const values = formValues(formData);
  const parsed = emailSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: { email: values.email ?? '' } };

  const supabase = await createClient();
  const { error } = await supabase.auth.resetPasswordForEmail(parsed.data.email, {
    redirectTo: `${await appOrigin()}${confirmLinkPath(RECOVERY_NEXT)}`,
  });
  // Auth answers an unknown address exactly like a known one; so does this form. Only a refusal that says nothing
  // about the address (a rate limit, a server that did not answer) is shown.
  if (error) return { errors: refusal(error, 'recovery', ['email'] as const), values: parsed.data };
  return { sent: { email: parsed.data.email } };
}

export async function sendSignInLink(_previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const values = formValues(formData);
  const parsed = emailSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: { email: values.email ?? '' } };

  const supabase = await createClient();
  const { error } = await supabase.auth.signInWithOtp({
    email: parsed.data.email,
    // Signing up stays on /signup (it asks for a name); an unknown address gets otp_disabled.
    options: { shouldCreateUser: false, emailRedirectTo: `${await appOrigin()}${confirmLinkPath(safeNextPath(formData.get('next')))}` },
  });
  if (error) return { errors: refusal(error, 'sign-in-link', ['email'] as const), values: parsed.data };
  return { sent: { email: parsed.data.email } };
}

export async function verifySignInCode(previous: MailFormState, formData: FormData): Promise<MailFormState> {
  const values = formValues(formData);
  const parsed = otpCodeSchema.safeParse(values);
  if (!parsed.success) return { ...previous, errors: fieldErrors(parsed.error) };

  const supabase = await createClient();
  const { error } = await supabase.auth.verifyOtp({ email: parsed.data.email, token: parsed.data.token, type: 'email' });
  if (error) return { ...previous, errors: refusal(error, 'sign-in-code', ['token'] as const) };
  redirect(safeNextPath(formData.get('next')));
}

export async function setNewPassword(_previous: FormState<'password' | 'confirm'>, formData: FormData): Promise<FormState<'password' | 'confirm'>> {
  const parsed = newPasswordSchema.safeParse(formValues(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };

  const supabase = await createClient();
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
  if (error) return { errors: refusal(error, 'new-password', ['password'] as const) };
  redirect(PASSWORD_CHANGED_PATH);
}

/**
 * Revokes every session of this user (their refresh tokens stop working at once; access tokens at `exp`). The
 * caller then tells the user's other open tabs and devices over Realtime; revoking first means a same-browser
 * tab that signs itself out on that message cannot end this session before the global revoke has used it.
 *
 * This device's cookies are left for the caller to clear: an action that changes cookies makes Next re-render the
 * page with its answer, and the layout would send the tab to /login before it has told the other devices.
 */
export async function signOutEverywhere(): Promise<SignOutEverywhereResult> {
  const supabase = await createClient({ readOnlyCookies: true });
  const { error } = await supabase.auth.signOut({ scope: 'global' });
  if (error) return { ok: false, message: authErrorMessage(error, 'sign-in').message };
  return { ok: true };
}
