import { compactVerify, errors } from 'jose';
import type { Clock } from '../shared/clock.ts';

/** The claims a channel acts under: `role` picks the PostgreSQL role, the rest become `request.jwt.claims`. */
export type Claims = Record<string, unknown> & { role: string; exp: number };

/**
 * A refused token, with the upstream wording (RT `channels/auth/jwt_verification.ex`, `user_socket.ex`
 * `error_response/1`, `channels_authorization.ex`): `code` is the logged code, `message` the text clients see.
 */
export class TokenError extends Error {
  constructor(
    readonly code: 'MissingAPIKey' | 'InvalidJWTToken' | 'MalformedJWT' | 'JwtSignatureError',
    message: string,
    /** For expiry: how long ago, which only the channel-level message mentions. */
    readonly expiredSecondsAgo?: number,
  ) {
    super(message);
    this.name = 'TokenError';
  }

  /** The channel-level text: `Token has expired N seconds ago`, else the message itself. */
  channelMessage(): string {
    return this.expiredSecondsAgo === undefined ? this.message : `Token has expired ${this.expiredSecondsAgo} seconds ago`;
  }
}

const ALGORITHMS = ['HS256', 'HS384', 'HS512'];

/** Signature first, then `role` and `exp` (both required), then expiry; `iat` must be numeric when present. */
export async function verifyRealtimeToken(token: string | undefined | null, secret: string, clock: Clock): Promise<Claims> {
  if (!token) throw new TokenError('MissingAPIKey', 'API key is missing');
  if (token.split('.').length !== 3) throw new TokenError('MalformedJWT', 'The token provided is not a valid JWT');
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(token, new TextEncoder().encode(secret), { algorithms: ALGORITHMS }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new TokenError('JwtSignatureError', 'Failed to validate JWT signature');
    throw new TokenError('MalformedJWT', 'The token provided is not a valid JWT');
  }
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch {
    throw new TokenError('MalformedJWT', 'The token provided is not a valid JWT');
  }
  if (!claims || typeof claims !== 'object' || typeof claims.role !== 'string' || typeof claims.exp !== 'number') {
    throw new TokenError('InvalidJWTToken', 'Fields `role` and `exp` are required in JWT');
  }
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw new TokenError('MalformedJWT', 'The token provided is not a valid JWT');
  const now = Math.floor(clock.nowMs() / 1000);
  if (claims.exp <= now) throw new TokenError('InvalidJWTToken', 'Token has expired', now - claims.exp);
  return claims as Claims;
}
