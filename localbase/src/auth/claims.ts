import { signHs256 } from '../shared/jwt.ts';
import type { UserRow } from './user-json.ts';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

/** `AccessTokenClaims` (`[gotrue] internal/tokens/service.go`), field for field. */
export interface AccessTokenClaims {
  aud: string;
  exp: number;
  iat: number;
  iss: string;
  sub: string;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  role: string;
  aal?: string;
  amr?: AmrEntry[];
  session_id?: string;
  is_anonymous: boolean;
}

export interface ClaimsInput {
  user: Pick<UserRow, 'id' | 'aud' | 'role' | 'email' | 'phone' | 'raw_app_meta_data' | 'raw_user_meta_data' | 'is_anonymous'>;
  sessionId: string;
  aal: string;
  amr: AmrEntry[];
  issuer: string;
  /** Seconds since the epoch, from the injected clock. */
  issuedAt: number;
  expirySeconds: number;
}

/**
 * `aud` is a plain string (GoTrue signs with `MarshalSingleStringAsArray = false`); email, phone, role, both metadata
 * objects and is_anonymous are always present, even when empty.
 */
export function buildAccessTokenClaims(input: ClaimsInput): AccessTokenClaims {
  const { user } = input;
  return {
    aud: user.aud ?? '',
    exp: input.issuedAt + input.expirySeconds,
    iat: input.issuedAt,
    iss: input.issuer,
    sub: user.id,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role ?? '',
    aal: input.aal,
    amr: input.amr,
    session_id: input.sessionId,
    is_anonymous: user.is_anonymous,
  };
}

/** HS256 with the project secret and no `kid`: auth-js `getClaims()` then validates through GET /user. */
export function signAccessToken(claims: AccessTokenClaims, secret: string): Promise<string> {
  return signHs256({ ...claims }, secret);
}

/** GoTrue's issuer is its external URL plus /auth/v1: `http://127.0.0.1:<api port>/auth/v1` under the CLI. */
export function issuerFor(externalUrl: string): string {
  return `${externalUrl}/auth/v1`;
}
