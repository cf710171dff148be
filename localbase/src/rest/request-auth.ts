import type { ServiceContext } from '../shared/context.ts';
import type { ApiRequest } from '../shared/http.ts';
import { JwtError, verifyHs256 } from '../shared/jwt.ts';
import { jwtError } from './errors.ts';

export interface RequestAuth {
  role: string;
  /** What `request.jwt.claims` carries: the verified claims with `role` filled in. */
  claims: Record<string, unknown>;
}

const ANON_ROLE = 'anon';
/** PostgREST allows 30 s of clock skew on exp/nbf/iat (`[pgrst] Auth/Jwt.hs`). */
const CLOCK_SKEW_SECONDS = 30;

/**
 * `[pgrst] src/PostgREST/Auth.hs`: only `Authorization: Bearer <t>` (scheme case-insensitive) carries a token; a
 * missing or non-Bearer header (the gateway's raw apikey fallback) means no token, hence the anon role.
 */
export async function authenticate(context: ServiceContext, request: ApiRequest): Promise<RequestAuth> {
  const header = request.header('authorization');
  const match = header === undefined ? null : /^bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return { role: ANON_ROLE, claims: { role: ANON_ROLE } };
  const token = (match[1] ?? '').trim();
  if (token === '') throw jwtError('PGRST301', 'Empty JWT is sent in Authorization header');
  let claims: Record<string, unknown>;
  try {
    claims = await verifyHs256(token, { secret: context.keys.jwtSecret, clock: context.clock, toleranceSeconds: CLOCK_SKEW_SECONDS });
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    if (error.reason === 'expired') throw jwtError('PGRST303', 'JWT expired');
    if (error.reason === 'not_yet_valid') throw jwtError('PGRST303', 'JWT not yet valid');
    // Observed against Supabase: `alg: none` → "Wrong or unsupported encoding algorithm"; an algorithm no key of
    // the project's JWKS can verify → "No suitable key or wrong key type"; a bad signature or garbage →
    // "JWT cryptographic operation failed" (PostgREST Error.hs lists the three).
    if (error.reason === 'unsupported_alg') throw jwtError('PGRST301', headerAlg(token) === 'none' ? 'Wrong or unsupported encoding algorithm' : 'No suitable key or wrong key type');
    if (error.reason === 'bad_signature') throw jwtError('PGRST301', 'JWT cryptographic operation failed');
    throw jwtError('PGRST301', error.message.startsWith('Expected 3 parts') ? error.message : 'JWT cryptographic operation failed');
  }
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : ANON_ROLE;
  return { role, claims: { ...claims, role } };
}

function headerAlg(token: string): string | undefined {
  try {
    return (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { alg?: string }).alg;
  } catch {
    return undefined;
  }
}
