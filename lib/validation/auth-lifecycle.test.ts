import { describe, expect, it } from 'vitest';
import { confirmLinkSchema, emailSchema, newPasswordSchema, otpCodeSchema } from './auth';

describe('auth lifecycle validation', () => {
  it('emailSchema: trims and lowercases; a malformed address is an email field error', () => {
    expect(emailSchema.parse({ email: ' Sam@Example.COM ' })).toEqual({ email: 'sam@example.com' });
    expect(emailSchema.safeParse({ email: 'sam' }).error?.issues[0]?.path).toEqual(['email']);
  });

  it('otpCodeSchema: six digits, spaces ignored; anything else is a token field error', () => {
    expect(otpCodeSchema.parse({ email: 'sam@example.com', token: ' 123 456 ' }).token).toBe('123456');
    for (const token of ['12345', '1234567', '12a456', '']) {
      expect(otpCodeSchema.safeParse({ email: 'sam@example.com', token }).error?.issues[0]?.path).toEqual(['token']);
    }
  });

  it('newPasswordSchema: the configured minimum, 72 bytes at most, and both fields the same', () => {
    expect(newPasswordSchema.parse({ password: 'secret', confirm: 'secret' })).toEqual({ password: 'secret', confirm: 'secret' });
    expect(newPasswordSchema.safeParse({ password: '12345', confirm: '12345' }).error?.issues[0]?.path).toEqual(['password']);
    expect(newPasswordSchema.safeParse({ password: 'é'.repeat(37), confirm: 'é'.repeat(37) }).success).toBe(false);
    const mismatch = newPasswordSchema.safeParse({ password: 'secret', confirm: 'secreT' });
    expect(mismatch.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['confirm'], 'The two passwords are not the same']]);
  });

  it('confirmLinkSchema: only the email link types verifyOtp knows, with a token hash', () => {
    expect(confirmLinkSchema.safeParse({ token_hash: 'abc', type: 'recovery' }).success).toBe(true);
    expect(confirmLinkSchema.safeParse({ token_hash: 'abc', type: 'sms' }).success).toBe(false);
    expect(confirmLinkSchema.safeParse({ type: 'email' }).success).toBe(false);
    expect(confirmLinkSchema.safeParse({ token_hash: '', type: 'email' }).success).toBe(false);
  });
});
