import { AuthApiError, AuthRetryableFetchError, AuthSessionMissingError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './error-messages';

// Real auth-js error classes, built as auth-js builds them from GoTrue's answers (status, code, message).
const api = (status: number, code: string, message = '') => new AuthApiError(message, status, code);

describe('authErrorMessage', () => {
  it('over_email_send_rate_limit: says how long to wait when GoTrue says it, else the hourly cap', () => {
    const pause = api(429, 'over_email_send_rate_limit', 'For security purposes, you can only request this after 42 seconds.');
    expect(authErrorMessage(pause, 'recovery')).toEqual({
      field: 'form',
      message: 'An email was sent to this address a moment ago. You can ask for another in 42 seconds.',
    });
    expect(authErrorMessage(api(429, 'over_email_send_rate_limit', 'Email rate limit exceeded'), 'sign-in-link').message).toMatch(/Too many emails .* last hour/);
  });

  it('over_request_rate_limit: the same words on every form', () => {
    const forms = ['sign-in', 'sign-up', 'sign-in-link', 'sign-in-code', 'recovery'] as const;
    const messages = new Set(forms.map((form) => authErrorMessage(api(429, 'over_request_rate_limit', 'Request rate limit reached'), form).message));
    expect([...messages]).toEqual(['Too many attempts from this network. Wait a few minutes, then try again.']);
  });

  it('otp_expired: a wrong code belongs to the code field; a dead link to the form', () => {
    const expired = api(403, 'otp_expired', 'Token has expired or is invalid');
    expect(authErrorMessage(expired, 'sign-in-code')).toEqual({ field: 'token', message: expect.stringMatching(/wrong, used or expired/) });
    expect(authErrorMessage(expired, 'recovery')).toEqual({ field: 'form', message: 'This link is used or expired. Ask for a new one.' });
  });

  it('otp_disabled: on the sign-in-link form it means no account uses this email', () => {
    const disabled = api(422, 'otp_disabled', 'Signups not allowed for otp');
    expect(authErrorMessage(disabled, 'sign-in-link')).toEqual({ field: 'email', message: 'There is no account with this email yet. Create one first.' });
    expect(authErrorMessage(disabled, 'sign-in-code').field).toBe('form');
  });

  it('same_password and weak_password: on the password field', () => {
    expect(authErrorMessage(api(422, 'same_password', 'New password should be different from the old password.'), 'new-password')).toEqual({
      field: 'password',
      message: 'That is your current password. Choose a different one.',
    });
    const weak = new AuthWeakPasswordError('Password should be at least 6 characters.', 422, ['length']);
    expect(authErrorMessage(weak, 'sign-up')).toEqual({ field: 'password', message: expect.stringMatching(/at least 6 characters/) });
  });

  it('invalid_credentials and user_already_exists keep their existing wording and fields', () => {
    expect(authErrorMessage(api(400, 'invalid_credentials', 'Invalid login credentials'), 'sign-in')).toEqual({ field: 'form', message: 'Wrong email or password.' });
    expect(authErrorMessage(api(422, 'user_already_exists', 'User already registered'), 'sign-up').field).toBe('email');
  });

  it('an ended session and an unreachable server are said plainly; an unknown code keeps GoTrue\'s message', () => {
    expect(authErrorMessage(new AuthSessionMissingError(), 'new-password').message).toBe('Your session has ended. Sign in again.');
    expect(authErrorMessage(new AuthRetryableFetchError('fetch failed', 0), 'sign-in').message).toMatch(/did not answer/);
    expect(authErrorMessage(api(400, 'some_new_code', 'A message from GoTrue'), 'sign-in').message).toBe('A message from GoTrue');
  });
});
