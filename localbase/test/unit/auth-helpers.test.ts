import { describe, expect, it } from 'vitest';
import { banUntil } from '../../src/auth/admin.ts';
import { AuthError } from '../../src/auth/errors.ts';
import { assertAcceptablePassword, passwordWeakness, validateEmail } from '../../src/auth/credentials.ts';
import { paginationHeaders, parsePagination } from '../../src/auth/pagination.ts';
import { userJson, type UserRow } from '../../src/auth/user-json.ts';
import { splitMetadataPatch } from '../../src/auth/users-repo.ts';
import type { ApiRequest } from '../../src/shared/http.ts';

function thrown(fn: () => unknown): AuthError {
  try {
    fn();
  } catch (error) {
    return error as AuthError;
  }
  throw new Error('expected a throw');
}

describe('auth credentials', () => {
  it('validateEmail: lower-cases a valid address, refuses a malformed one', () => {
    expect(validateEmail('Drummer@Example.COM')).toBe('drummer@example.com');
    expect(thrown(() => validateEmail('not-an-email'))).toMatchObject({ status: 400, code: 'validation_failed', message: 'Unable to validate email address: invalid format' });
    expect(thrown(() => validateEmail(''))).toMatchObject({ message: 'An email address is required' });
  });

  it('passwordWeakness: only the minimum length is checked, counted in characters', () => {
    expect(passwordWeakness('12345', 6)).toEqual({ message: 'Password should be at least 6 characters.', reasons: ['length'] });
    expect(passwordWeakness('123456', 6)).toBeUndefined();
    expect(passwordWeakness('ééé', 3)).toBeUndefined();
  });

  it('assertAcceptablePassword: more than 72 bytes is 400, too short is 422 weak_password', () => {
    expect(thrown(() => assertAcceptablePassword('x'.repeat(73), 6))).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(thrown(() => assertAcceptablePassword('abc', 6))).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
    expect(() => assertAcceptablePassword('x'.repeat(72), 6)).not.toThrow();
  });
});

describe('auth admin helpers', () => {
  it('parsePagination: empty values mean the defaults, zero per_page is refused', () => {
    expect(parsePagination(new URLSearchParams('page=&per_page='))).toEqual({ page: 1, perPage: 50 });
    expect(parsePagination(new URLSearchParams('page=3&per_page=20'))).toEqual({ page: 3, perPage: 20 });
    expect(thrown(() => parsePagination(new URLSearchParams('per_page=0')))).toMatchObject({ status: 400 });
    expect(thrown(() => parsePagination(new URLSearchParams('page=x')))).toMatchObject({ status: 400 });
  });

  it('parsePagination: past uint64 is 400 "value out of range" as strconv.ParseUint; past 2^53 is clamped, never inexact', () => {
    for (const name of ['page', 'per_page']) {
      expect(thrown(() => parsePagination(new URLSearchParams(`${name}=18446744073709551616`)))).toMatchObject({
        status: 400,
        code: 'validation_failed',
        message: 'Bad Pagination Parameters: strconv.ParseUint: parsing "18446744073709551616": value out of range',
      });
    }
    expect(parsePagination(new URLSearchParams('page=18446744073709551615&per_page=9007199254740993'))).toEqual({
      page: Number.MAX_SAFE_INTEGER,
      perPage: Number.MAX_SAFE_INTEGER,
    });
  });

  it('paginationHeaders: next and last links with page first, and the total', () => {
    const request = { path: '/admin/users', url: new URL('http://x/auth/v1/admin/users?per_page=2&page=1') } as ApiRequest;
    expect(paginationHeaders(request, 1, 2, 5)).toEqual({
      link: '</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=3&per_page=2>; rel="last"',
      'x-total-count': '5',
    });
    expect(paginationHeaders(request, 3, 2, 5).link).toBe('</admin/users?page=3&per_page=2>; rel="last"');
  });

  it('banUntil: Go durations from now, "none" lifts the ban, garbage is 400', () => {
    expect(banUntil('1h30m', 0)?.getTime()).toBe(5_400_000);
    expect(banUntil('none', 0)).toBeNull();
    expect(thrown(() => banUntil('forever', 0))).toMatchObject({ status: 400 });
  });

  it('banUntil: what overflows int64 nanoseconds is 400 like time.ParseDuration, never an Invalid Date', () => {
    expect(banUntil('2562047h', 0)?.getTime()).toBe(2562047 * 3_600_000);
    for (const duration of ['2562048h', '99999999999999999999h', `${'9'.repeat(400)}s`]) {
      expect(thrown(() => banUntil(duration, 0))).toMatchObject({
        status: 400,
        code: 'validation_failed',
        message: `invalid format for ban duration: time: invalid duration "${duration}"`,
      });
    }
  });

  it('splitMetadataPatch: null values are removals', () => {
    expect(splitMetadataPatch({ a: 1, b: null, c: { d: null } })).toEqual({ set: { a: 1, c: { d: null } }, remove: ['b'] });
  });
});

describe('auth user JSON', () => {
  it('userJson: empty strings for unset email/phone, null timestamps omitted, identity ids swapped as upstream', () => {
    const row = {
      id: 'u1', aud: 'authenticated', role: 'authenticated', email: null, encrypted_password: 'x', email_confirmed_at: null,
      phone: null, phone_confirmed_at: null, confirmation_sent_at: null, confirmed_at: null, recovery_sent_at: null, confirmation_token: null, recovery_token: null,
      email_change: '', email_change_sent_at: null, phone_change: '', phone_change_sent_at: null, invited_at: null,
      last_sign_in_at: null, raw_app_meta_data: null, raw_user_meta_data: { a: 1 }, created_at: new Date(0),
      updated_at: new Date(0), banned_until: null, deleted_at: null, is_anonymous: false,
      identities: [{ id: 'i1', provider_id: 'u1', user_id: 'u1', identity_data: { sub: 'u1' }, provider: 'email', last_sign_in_at: null, created_at: '1970-01-01T00:00:00+00:00', updated_at: null, email: null }],
    } satisfies UserRow;
    const json = userJson(row);
    expect(json).toEqual({
      id: 'u1', aud: 'authenticated', role: 'authenticated', email: '', phone: '', app_metadata: {}, user_metadata: { a: 1 },
      identities: [{ identity_id: 'i1', id: 'u1', user_id: 'u1', identity_data: { sub: 'u1' }, provider: 'email', created_at: '1970-01-01T00:00:00.000Z' }],
      created_at: '1970-01-01T00:00:00.000Z', updated_at: '1970-01-01T00:00:00.000Z', is_anonymous: false,
    });
    expect(json).not.toHaveProperty('encrypted_password');
  });
});
