import type { EmailLinkType } from '@/lib/validation/auth';

// Where the auth mails' links lead and where their failures land; pure, so the rules are unit-tested.

/** After a recovery link: the page that asks for the new password. */
export const RECOVERY_NEXT = '/settings/password';
export const PASSWORD_CHANGED_PATH = '/settings/account?notice=password-changed';

/**
 * The app route a mail's link opens (app/auth/confirm/route.ts). It is passed to Auth as redirectTo and the
 * project's templates (supabase/templates/) append `&token_hash=…&type=…` to it, so it always carries a query.
 */
export function confirmLinkPath(next: string): string {
  return `/auth/confirm?next=${encodeURIComponent(next)}`;
}

export type LinkProblem = 'expired' | 'invalid' | 'failed';

/** Why a link did not work: Auth says otp_expired for a used, unknown or expired token alike. */
export function linkProblem(code: string | undefined): LinkProblem {
  if (code === 'otp_expired') return 'expired';
  if (code === 'validation_failed' || code === 'bad_json') return 'invalid';
  return 'failed';
}

export function linkErrorPath(problem: LinkProblem, type: EmailLinkType | undefined): string {
  const query = new URLSearchParams({ problem, ...(type ? { type } : {}) });
  return `/auth/link-error?${query.toString()}`;
}

/** Where to ask for a fresh link of the same kind. */
export function newLinkPath(type: string | undefined): { href: string; label: string } {
  if (type === 'recovery') return { href: '/forgot-password', label: 'Send me a new reset link' };
  if (type === 'email' || type === 'magiclink') return { href: '/login/email', label: 'Send me a new sign-in link' };
  return { href: '/login', label: 'Go to sign in' };
}

/** Why the login page was opened, from ?reason= (anything else says nothing). */
export function signedOutNotice(reason: string | undefined): string | undefined {
  if (reason === 'signed-out') return 'You have been signed out on this device. Sign in again to continue.';
  if (reason === 'signed-out-everywhere') return 'You signed out of all your devices.';
  return undefined;
}
