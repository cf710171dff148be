import { describe, expect, it } from 'vitest';
import { AuthError, fromDatabaseError, OAuthError, renderAuthError, usesApiVersion2024, weakPassword } from '../../src/auth/errors.ts';

const body = (response: { body?: string | Buffer }) => JSON.parse(String(response.body)) as unknown;

describe('auth error rendering', () => {
  it('usesApiVersion2024: only a date at or after 2024-01-01 selects the new format', () => {
    expect(usesApiVersion2024('2024-01-01')).toBe(true);
    expect(usesApiVersion2024('2025-06-30')).toBe(true);
    expect(usesApiVersion2024('2023-12-31')).toBe(false);
    expect(usesApiVersion2024('yesterday')).toBe(false);
    expect(usesApiVersion2024(undefined)).toBe(false);
  });

  it('renderAuthError: the 2024-01-01 format echoes the version and sets x-sb-error-code', () => {
    const response = renderAuthError(new AuthError(400, 'invalid_credentials', 'Invalid login credentials'), '2024-01-01');
    expect(response.status).toBe(400);
    expect(response.headers).toMatchObject({ 'x-supabase-api-version': '2024-01-01', 'x-sb-error-code': 'invalid_credentials' });
    expect(body(response)).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('renderAuthError: without the header the legacy body is used and nothing is echoed', () => {
    const response = renderAuthError(new AuthError(422, 'user_already_exists', 'User already registered'), undefined);
    expect(response.headers?.['x-supabase-api-version']).toBeUndefined();
    expect(response.headers?.['x-sb-error-code']).toBe('user_already_exists');
    expect(body(response)).toEqual({ code: 422, error_code: 'user_already_exists', msg: 'User already registered' });
  });

  it('renderAuthError: weak_password carries its reasons in both formats', () => {
    const error = weakPassword('Password should be at least 6 characters.', ['length']);
    expect(body(renderAuthError(error, '2024-01-01'))).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    });
    const legacy = renderAuthError(error, undefined);
    expect(legacy.status).toBe(422);
    expect(body(legacy)).toMatchObject({ code: 422, error_code: 'weak_password', weak_password: { reasons: ['length'] } });
  });

  it('renderAuthError: OAuth errors keep their RFC 6749 shape', () => {
    const response = renderAuthError(new OAuthError('invalid_request', 'refresh_token required'), '2024-01-01');
    expect([response.status, body(response)]).toEqual([400, { error: 'invalid_request', error_description: 'refresh_token required' }]);
    expect(response.headers?.['x-supabase-api-version']).toBe('2024-01-01');
  });

  it('renderAuthError: anything else is a 500 unexpected_failure without internals', () => {
    const response = renderAuthError(new Error('connection refused at 10.0.0.1'), '2024-01-01');
    expect(response.status).toBe(500);
    expect(body(response)).toEqual({ code: 'unexpected_failure', message: 'Unexpected failure, please check server logs for more information' });
  });

  it('fromDatabaseError: a NUL PostgreSQL refuses (22021 text, 22P05 jsonb) is 400 validation_failed; other errors pass through', () => {
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(fromDatabaseError(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid input: invalid byte sequence for encoding "UTF8": 0x00',
    });
    expect(fromDatabaseError(pgError('22P05', 'unsupported Unicode escape sequence'))).toMatchObject({ status: 400, code: 'validation_failed' });
    const other = pgError('57P01', 'terminating connection');
    expect(fromDatabaseError(other)).toBe(other);
    expect(fromDatabaseError(undefined)).toBeUndefined();
  });
});
