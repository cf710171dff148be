import { MIN_PASSWORD_LENGTH } from '@/lib/validation/auth';

// Supabase Auth's refusals in words a musician can act on, for every auth form, in one place. The codes are
// GoTrue's (auth-js lib/error-codes.ts); auth-js exposes them as `error.code` when the server sends them.

/** Which form asked: the same code can mean different things (a rate limit on a code vs. on a new account). */
export type AuthForm = 'sign-in' | 'sign-up' | 'sign-in-link' | 'sign-in-code' | 'recovery' | 'new-password';

/** The field the message belongs to (`form` for the whole form), so it is shown and announced next to it. */
export type AuthErrorMessage = { field: 'email' | 'password' | 'token' | 'form'; message: string };

type AuthErrorLike = { code?: string; message?: string; status?: number; name?: string } | null | undefined;

/** GoTrue's per-address pause says how long: "…you can only request this after 42 seconds." */
function waitSeconds(message: string | undefined): number | undefined {
  const match = message?.match(/after (\d+) seconds?/);
  return match ? Number(match[1]) : undefined;
}

function emailRateLimit(error: NonNullable<AuthErrorLike>): string {
  const seconds = waitSeconds(error.message);
  if (seconds !== undefined) return `An email was sent to this address a moment ago. You can ask for another in ${seconds} seconds.`;
  return 'Too many emails were sent in the last hour. Try again later, or check your inbox and spam folder for the last one.';
}

export function authErrorMessage(error: AuthErrorLike, form: AuthForm): AuthErrorMessage {
  if (!error) return { field: 'form', message: 'Something went wrong. Try again in a moment.' };
  switch (error.code) {
    case 'over_email_send_rate_limit':
      return { field: 'form', message: emailRateLimit(error) };
    case 'over_request_rate_limit':
      return { field: 'form', message: 'Too many attempts from this network. Wait a few minutes, then try again.' };
    case 'invalid_credentials':
      return { field: 'form', message: 'Wrong email or password.' };
    case 'email_not_confirmed':
      return { field: 'form', message: 'This email is not confirmed yet. Follow the link in the confirmation email first.' };
    case 'user_already_exists':
    case 'email_exists':
      return { field: 'email', message: 'This email is already registered. Sign in instead.' };
    case 'signup_disabled':
      return { field: 'form', message: 'New accounts cannot be created right now.' };
    case 'otp_disabled':
      // With shouldCreateUser: false GoTrue answers this for an address without an account ("Signups not allowed
      // for otp"); Supabase itself tells the caller as much, so saying it adds nothing an attacker lacks.
      return form === 'sign-in-link'
        ? { field: 'email', message: 'There is no account with this email yet. Create one first.' }
        : { field: 'form', message: 'Signing in by email is turned off for this app.' };
    case 'otp_expired':
      return form === 'sign-in-code'
        ? { field: 'token', message: 'This code is wrong, used or expired. Check the latest email, or ask for a new code.' }
        : { field: 'form', message: 'This link is used or expired. Ask for a new one.' };
    case 'same_password':
      return { field: 'password', message: 'That is your current password. Choose a different one.' };
    case 'weak_password':
      return { field: 'password', message: `Choose a stronger password: at least ${MIN_PASSWORD_LENGTH} characters that are hard to guess.` };
    case 'email_address_invalid':
      return { field: 'email', message: 'This email address cannot receive mail. Check it for typos.' };
    case 'session_not_found':
    case 'refresh_token_not_found':
    case 'refresh_token_already_used':
      return { field: 'form', message: 'Your session has ended. Sign in again.' };
  }
  if (error.name === 'AuthSessionMissingError') return { field: 'form', message: 'Your session has ended. Sign in again.' };
  if (error.name === 'AuthRetryableFetchError' || (error.status ?? 0) >= 500) {
    return { field: 'form', message: 'The sign-in service did not answer. Try again in a moment.' };
  }
  // An unmapped refusal: GoTrue's own message is written for end users, better than a generic one.
  return { field: 'form', message: error.message || 'Something went wrong. Try again in a moment.' };
}
