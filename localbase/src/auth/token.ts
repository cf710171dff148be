import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { optionalString, readJson } from './body.ts';
import { passwordWeakness, verifyPassword } from './credentials.ts';
import { transaction } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { AuthError, badRequest, OAuthError, unprocessable } from './errors.ts';
import { pkceGrant } from './pkce.ts';
import { decideRefresh, sessionExpired } from './refresh-policy.ts';
import {
  activeRefreshToken,
  findSession,
  insertRefreshToken,
  lockRefreshToken,
  revokeRefreshToken,
  revokeTokenFamily,
  touchSession,
} from './sessions.ts';
import { sessionResponse, startSession } from './tokens.ts';
import type { UserRow } from './user-json.ts';
import { findUserByEmail, findUserById, recordSignIn } from './users-repo.ts';

const PasswordBody = z.object({ email: optionalString, phone: optionalString, password: optionalString });
const RefreshBody = z.object({ refresh_token: optionalString });

const INVALID_CREDENTIALS = () => badRequest('invalid_credentials', 'Invalid login credentials');

/** POST /token: `grant_type` comes from the query string, credentials from the JSON body (`[gotrue] token.go`). */
export async function token(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const grantType = request.url.searchParams.get('grant_type');
  const grant = grantType === 'password' ? passwordGrant : grantType === 'refresh_token' ? refreshGrant : grantType === 'pkce' ? pkceGrant : undefined;
  if (!grant) throw badRequest('invalid_credentials', 'unsupported_grant_type');
  // Every grant shares the `token_refresh` limiter, checked before the body is read.
  deps.limits.check('token', request, deps.clock.nowMs());
  return json(200, await grant(deps, request));
}

function isBanned(user: UserRow, nowMs: number): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > nowMs;
}

async function passwordGrant(deps: AuthDeps, request: ApiRequest) {
  const body = await readJson(request, PasswordBody);
  if (body.email !== '' && body.phone !== '') {
    throw unprocessable('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (body.phone !== '') throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (body.email === '') throw badRequest('validation_failed', 'missing email or phone');
  const user = await findUserByEmail(deps.pool, body.email, deps.audience);
  // Unknown address and wrong password answer identically, so the endpoint cannot be used to probe accounts.
  if (!user) throw INVALID_CREDENTIALS();
  if (isBanned(user, deps.clock.nowMs())) throw badRequest('user_banned', 'User is banned');
  if (!(await verifyPassword(body.password, user.encrypted_password))) throw INVALID_CREDENTIALS();
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');

  const response = await transaction(deps.pool, async (tx) => {
    await recordSignIn(tx, user.id, now(deps));
    const fresh = (await findUserById(tx, user.id)) as UserRow;
    return startSession(deps, tx, fresh, request.header('user-agent'));
  });
  // A password set before the policy tightened (or by an admin, who skips the check) still signs in, flagged.
  const weakness = passwordWeakness(body.password, deps.auth.minimumPasswordLength);
  return weakness ? { ...response, weak_password: weakness } : response;
}

type RefreshOutcome = { ok: Awaited<ReturnType<typeof sessionResponse>> } | { error: AuthError };

/**
 * `RefreshTokenGrant`. The row lock serialises concurrent refreshes of one token; a reuse outside the
 * window commits the family revocation and only then answers 400 (`storage.NewCommitWithError`).
 */
async function refreshGrant(deps: AuthDeps, request: ApiRequest) {
  const body = await readJson(request, RefreshBody);
  if (body.refresh_token === '') throw new OAuthError('invalid_request', 'refresh_token required');
  const outcome = await transaction<RefreshOutcome>(deps.pool, async (tx) => {
    const presented = await lockRefreshToken(tx, body.refresh_token);
    if (!presented) return { error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') };
    const user = await findUserById(tx, presented.user_id);
    if (!user) return { error: badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found') };
    if (isBanned(user, deps.clock.nowMs())) return { error: badRequest('user_banned', 'Invalid Refresh Token: User Banned') };
    const session = presented.session_id ? await findSession(tx, presented.session_id) : undefined;
    if (!session) return { error: badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found') };
    if (sessionExpired(session.not_after, deps.clock.nowMs())) {
      return { error: badRequest('session_expired', 'Invalid Refresh Token: Session Expired') };
    }

    const decision = decideRefresh({
      presented: { token: presented.token, revoked: presented.revoked, updatedAt: presented.updated_at },
      active: await activeRefreshToken(tx, session.id),
      nowMs: deps.clock.nowMs(),
      reuseIntervalSeconds: deps.auth.refreshTokenReuseInterval,
      rotationEnabled: deps.auth.enableRefreshTokenRotation,
    });
    if (decision.kind === 'reject-reused') {
      if (decision.revokeFamily) await revokeTokenFamily(tx, session.id, now(deps));
      return { error: badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
    }
    let issued: string;
    if (decision.kind === 'reissue-active') issued = decision.token;
    else {
      await revokeRefreshToken(tx, presented.id, now(deps));
      issued = await insertRefreshToken(tx, user.id, session.id, presented.token, now(deps));
    }
    await touchSession(tx, session.id, now(deps));
    return { ok: await sessionResponse(deps, user, session, issued) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.ok;
}
