import { epochSeconds } from '../shared/clock.ts';
import { buildAccessTokenClaims, signAccessToken } from './claims.ts';
import type { Db } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import type { PasswordWeakness } from './credentials.ts';
import { createSession, insertRefreshToken, type SessionRow } from './sessions.ts';
import { userJson, type UserRow } from './user-json.ts';

/** `AccessTokenResponse`. auth-js only recognises a session when all three token fields are truthy. */
export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
  weak_password?: PasswordWeakness;
}

export async function accessToken(deps: AuthDeps, user: UserRow, session: SessionRow): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = epochSeconds(deps.clock);
  // The amr entry is the sign-in method and time from auth.mfa_amr_claims, stable across refreshes.
  const claims = buildAccessTokenClaims({
    user,
    sessionId: session.id,
    aal: session.aal ?? 'aal1',
    amr: [{ method: session.amr_method, timestamp: Math.floor(session.amr_at.getTime() / 1000) }],
    issuer: deps.issuer,
    issuedAt,
    expirySeconds: deps.auth.jwtExpiry,
  });
  return { token: await signAccessToken(claims, deps.auth.jwtSecret), expiresAt: claims.exp };
}

export async function sessionResponse(deps: AuthDeps, user: UserRow, session: SessionRow, refreshToken: string): Promise<SessionResponse> {
  const { token, expiresAt } = await accessToken(deps, user, session);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: deps.auth.jwtExpiry,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

/** `issueRefreshToken`: a new session (signed in with `method`) and its first refresh token. */
export async function startSession(deps: AuthDeps, db: Db, user: UserRow, userAgent: string | undefined, method = 'password'): Promise<SessionResponse> {
  const session = await createSession(db, user.id, now(deps), userAgent, method);
  const refreshToken = await insertRefreshToken(db, user.id, session.id, null, now(deps));
  return sessionResponse(deps, user, session, refreshToken);
}
