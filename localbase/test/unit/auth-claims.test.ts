import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildAccessTokenClaims, issuerFor, signAccessToken, type ClaimsInput } from '../../src/auth/claims.ts';
import { DEFAULT_JWT_SECRET } from '../../src/config.ts';
import { JwtError, verifyHs256 } from '../../src/shared/jwt.ts';

const ISSUED_AT = 1_767_222_000;

const input: ClaimsInput = {
  user: {
    id: '6f1e0c7e-3c1a-4b8e-9a55-0d1c2b3a4f50',
    aud: 'authenticated',
    role: 'authenticated',
    email: 'a@b.co',
    phone: null,
    raw_app_meta_data: { provider: 'email', providers: ['email'] },
    raw_user_meta_data: null,
    is_anonymous: false,
  },
  sessionId: '0b7f5c2e-1d3a-4c5b-8e9f-a1b2c3d4e5f6',
  aal: 'aal1',
  amr: [{ method: 'password', timestamp: ISSUED_AT - 60 }],
  issuer: issuerFor('http://127.0.0.1:54321'),
  issuedAt: ISSUED_AT,
  expirySeconds: 3600,
};

describe('access token claims', () => {
  it('buildAccessTokenClaims: matches GoTrue field for field, with aud as a string and empty values present', () => {
    expect(buildAccessTokenClaims(input)).toEqual({
      aud: 'authenticated',
      exp: ISSUED_AT + 3600,
      iat: ISSUED_AT,
      iss: 'http://127.0.0.1:54321/auth/v1',
      sub: input.user.id,
      email: 'a@b.co',
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      role: 'authenticated',
      aal: 'aal1',
      amr: [{ method: 'password', timestamp: ISSUED_AT - 60 }],
      session_id: input.sessionId,
      is_anonymous: false,
    });
  });

  it('buildAccessTokenClaims: expiry follows [auth] jwt_expiry', () => {
    expect(buildAccessTokenClaims({ ...input, expirySeconds: 20 }).exp).toBe(ISSUED_AT + 20);
  });

  it('signAccessToken: HS256 without kid, valid until exp by the injected clock', async () => {
    const token = await signAccessToken(buildAccessTokenClaims(input), DEFAULT_JWT_SECRET);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const at = (seconds: number) => ({ nowMs: () => seconds * 1000 });
    await expect(verifyHs256(token, { secret: DEFAULT_JWT_SECRET, clock: at(ISSUED_AT + 3599) })).resolves.toMatchObject({ sub: input.user.id });
    await expect(verifyHs256(token, { secret: DEFAULT_JWT_SECRET, clock: at(ISSUED_AT + 3601) })).rejects.toBeInstanceOf(JwtError);
  });
});
