import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { epochSeconds, type Clock } from './clock.ts';

export type JwtFailure = 'malformed' | 'expired' | 'not_yet_valid' | 'bad_signature' | 'unsupported_alg';

export class JwtError extends Error {
  constructor(
    readonly reason: JwtFailure,
    message: string,
  ) {
    super(message);
    this.name = 'JwtError';
  }
}

export interface VerifyOptions {
  secret: string;
  clock: Clock;
  /** PostgREST allows 30 s of clock skew on exp/nbf/iat. */
  toleranceSeconds?: number;
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

export async function signHs256(claims: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretKey(secret));
}

/**
 * Verifies an HS256 token against the project's JWT secret. `alg: none` and every other algorithm are refused:
 * the local stack signs nothing else.
 */
export async function verifyHs256(token: string, options: VerifyOptions): Promise<JWTPayload> {
  if (token.split('.').length !== 3) {
    throw new JwtError('malformed', `Expected 3 parts in JWT; got ${token.split('.').length}`);
  }
  try {
    const { payload } = await jwtVerify(token, secretKey(options.secret), {
      algorithms: ['HS256'],
      clockTolerance: options.toleranceSeconds ?? 0,
      currentDate: new Date(epochSeconds(options.clock) * 1000),
    });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new JwtError('expired', 'JWT expired');
    if (error instanceof errors.JWTClaimValidationFailed) throw new JwtError('not_yet_valid', 'JWT not yet valid');
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) throw new JwtError('unsupported_alg', 'Wrong or unsupported encoding algorithm');
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new JwtError('bad_signature', 'JWSError JWSInvalidSignature');
    throw new JwtError('malformed', (error as Error).message);
  }
}
