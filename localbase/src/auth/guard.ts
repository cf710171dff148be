import type { JWTPayload } from 'jose';
import { JwtError, verifyHs256 } from '../shared/jwt.ts';
import type { ApiRequest } from '../shared/http.ts';
import { AuthError, forbidden } from './errors.ts';
import type { AuthDeps } from './deps.ts';
import { findSession, type SessionRow } from './sessions.ts';
import { findUserById } from './users-repo.ts';
import type { UserRow } from './user-json.ts';

export type TokenClaims = JWTPayload & { role?: string; session_id?: string; is_anonymous?: boolean };

export interface Authenticated {
  claims: TokenClaims;
  user: UserRow;
  session: SessionRow | undefined;
}

/** `GOTRUE_JWT_ADMIN_ROLES` (the CLI sets service_role; GoTrue's default also admits supabase_admin). */
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// golang-jwt v5's wording, which GoTrue appends to its bad_jwt message.
const JWT_DETAIL: Record<JwtError['reason'], string> = {
  malformed: 'token is malformed',
  expired: 'token has invalid claims: token is expired',
  not_yet_valid: 'token has invalid claims: token is not valid yet',
  bad_signature: 'token signature is invalid: signature is invalid',
  unsupported_alg: 'token is unverifiable: error while executing keyfunc: missing kid',
};

/** `extractBearerToken`: the gateway already turned an `sb_` apikey into its legacy JWT. */
function bearerToken(request: ApiRequest): string {
  const match = /^[Bb]earer (\S+)$/.exec(request.header('authorization') ?? '');
  if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return match[1]!;
}

async function parseClaims(deps: AuthDeps, token: string): Promise<TokenClaims> {
  try {
    return (await verifyHs256(token, { secret: deps.auth.jwtSecret, clock: deps.clock })) as TokenClaims;
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const detail = error.reason === 'malformed' ? `${JWT_DETAIL.malformed}: ${error.message}` : JWT_DETAIL[error.reason];
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`);
  }
}

/**
 * `requireAuthentication` + `maybeLoadUserOrSession` (`[gotrue] internal/api/auth.go`). A logged-out session keeps
 * its JWTs cryptographically valid until `exp`, so the session row is what makes /user answer 403 session_not_found.
 */
export async function requireUser(deps: AuthDeps, request: ApiRequest): Promise<Authenticated> {
  const claims = await parseClaims(deps, bearerToken(request));
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!UUID.test(claims.sub)) throw new AuthError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(deps.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionRow | undefined;
  if (claims.session_id && claims.session_id !== '00000000-0000-0000-0000-000000000000') {
    if (!UUID.test(claims.session_id)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = await findSession(deps.pool, claims.session_id);
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { claims, user, session };
}

/** `requireAdminCredentials`: a valid JWT whose role is an admin role; no user or session is loaded. */
export async function requireAdmin(deps: AuthDeps, request: ApiRequest): Promise<TokenClaims> {
  const claims = await parseClaims(deps, bearerToken(request));
  if (!claims.role || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
  return claims;
}

/** `/user` also insists the token was minted for this audience. */
export function assertAudience(claims: TokenClaims, audience: string): void {
  const aud = claims.aud;
  const matches = Array.isArray(aud) ? aud.includes(audience) : aud === audience;
  if (!matches) throw new AuthError(400, 'validation_failed', "Token audience doesn't match request audience");
}
