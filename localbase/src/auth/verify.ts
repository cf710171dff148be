import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { optionalString, readJson } from './body.ts';
import { validateEmail } from './credentials.ts';
import { transaction, type Db } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { AuthError, badRequest, forbidden, unprocessable } from './errors.ts';
import { clearTokens, findToken, tokenHash, type OneTimeTokenType } from './one-time-tokens.ts';
import { issueAuthCode } from './pkce.ts';
import { referrer } from './redirect.ts';
import { verifyRedirect, errorRedirect } from './verify-redirect.ts';
import { startSession, type SessionResponse } from './tokens.ts';
import type { UserRow } from './user-json.ts';
import { confirmEmail, findUserByEmail, findUserById, setEmail } from './users-repo.ts';

const TOKEN_TYPES: Record<string, OneTimeTokenType[]> = {
  email: ['confirmation_token', 'recovery_token'],
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  recovery: ['recovery_token'],
  magiclink: ['recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
};

/** The user columns a code is compared with on the `{email, token}` path, and when it was sent. */
const USER_TOKEN: Record<string, [keyof UserRow & string, keyof UserRow & string][]> = {
  email: [['confirmation_token', 'confirmation_sent_at'], ['recovery_token', 'recovery_sent_at']],
  signup: [['confirmation_token', 'confirmation_sent_at']],
  invite: [['confirmation_token', 'confirmation_sent_at']],
  recovery: [['recovery_token', 'recovery_sent_at']],
  magiclink: [['recovery_token', 'recovery_sent_at']],
};

const LINK_INVALID = () => forbidden('otp_expired', 'Email link is invalid or has expired');
const CODE_INVALID = () => forbidden('otp_expired', 'Token has expired or is invalid');

type Row = UserRow & Record<string, unknown>;

function expired(deps: AuthDeps, sentAt: unknown): boolean {
  return !(sentAt instanceof Date) || deps.clock.nowMs() > sentAt.getTime() + deps.auth.email.otpExpiry * 1000;
}

function assertNotBanned(deps: AuthDeps, user: UserRow): void {
  if (user.banned_until && user.banned_until.getTime() > deps.clock.nowMs()) throw forbidden('user_banned', 'User is banned');
}

/** `verifyTokenHash`: the link path. `type=email` resolves to signup or magiclink by the token found. */
async function userByTokenHash(deps: AuthDeps, db: Db, type: string, hash: string): Promise<{ user: Row; type: string }> {
  const types = TOKEN_TYPES[type];
  if (!types) throw badRequest('validation_failed', 'Invalid email verification type');
  const found = await findToken(db, hash, types);
  const user = found && ((await findUserById(db, found.userId)) as Row | undefined);
  if (!found || !user) throw LINK_INVALID();
  assertNotBanned(deps, user);
  let resolved = type;
  if (type === 'email') resolved = found.type === 'recovery_token' ? 'magiclink' : 'signup';
  const sentAt = found.type === 'recovery_token' ? user.recovery_sent_at : found.type === 'confirmation_token' ? user.confirmation_sent_at : user.email_change_sent_at;
  if (expired(deps, sentAt)) throw LINK_INVALID();
  return { user, type: resolved };
}

/** `verifyUserAndToken`: the six-digit code path, against the user's stored hash (with or without `pkce_`). */
async function userByCode(deps: AuthDeps, db: Db, type: string, email: string, hash: string): Promise<{ user: Row; type: string }> {
  if (type === 'email_change') {
    const found = (await findToken(db, hash, TOKEN_TYPES.email_change!)) ?? (await findToken(db, `pkce_${hash}`, TOKEN_TYPES.email_change!));
    const user = found && ((await findUserById(db, found.userId)) as Row | undefined);
    if (!user || expired(deps, user.email_change_sent_at)) throw CODE_INVALID();
    assertNotBanned(deps, user);
    return { user, type };
  }
  const user = (await findUserByEmail(db, email, deps.audience)) as Row | undefined;
  if (!user) throw CODE_INVALID();
  assertNotBanned(deps, user);
  const match = (USER_TOKEN[type] ?? []).find(([token, sentAt]) => {
    const stored = user[token];
    return typeof stored === 'string' && stored !== '' && !expired(deps, user[sentAt]) && (stored === hash || stored === `pkce_${hash}`);
  });
  if (!match) throw CODE_INVALID();
  const resolved = type === 'email' ? (match[0] === 'recovery_token' ? 'magiclink' : 'signup') : type;
  return { user, type: resolved };
}

/** What following the token does to the account, then the user as it now is. */
async function applyVerification(deps: AuthDeps, db: Db, user: Row, type: string): Promise<UserRow> {
  const at = now(deps);
  if (type === 'signup' || type === 'invite' || type === 'recovery' || type === 'magiclink') {
    await clearTokens(db, user.id);
    if (!user.email_confirmed_at) {
      await confirmEmail(db, user.id, at);
      await db.query(`update auth.identities set identity_data = identity_data || '{"email_verified": true}' where user_id = $1 and provider = 'email'`, [user.id]);
    }
  } else if (type === 'email_change') {
    if (!user.email_change) throw CODE_INVALID();
    await setEmail(db, user.id, user.email_change as string, at);
    await clearTokens(db, user.id);
    if (!user.email_confirmed_at) await confirmEmail(db, user.id, at);
  } else throw badRequest('validation_failed', 'Unsupported verification type');
  await db.query('update auth.users set last_sign_in_at = $2, updated_at = $2 where id = $1', [user.id, at]);
  return (await findUserById(db, user.id)) as UserRow;
}

const VerifyBody = z.object({
  type: optionalString,
  token: optionalString,
  token_hash: optionalString,
  email: optionalString,
  phone: optionalString,
  redirect_to: optionalString,
});

/** POST /verify (`[gotrue] internal/api/verify.go verifyPost`): verifyOtp, answered with a session (amr `otp`). */
export async function verifyPost(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('verify', request, deps.clock.nowMs());
  const body = await readJson(request, VerifyBody);
  if (body.type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if ((body.token === '') === (body.token_hash === '')) throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  let email = '';
  if (body.token !== '') {
    if (body.phone !== '' && body.email === '') throw CODE_INVALID();
    if (body.email === '' || body.phone !== '') throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    try {
      email = validateEmail(body.email);
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
  } else if (body.email !== '' || body.phone !== '' || body.redirect_to !== '') {
    throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
  }
  const session = await transaction<SessionResponse>(deps.pool, async (tx) => {
    const { user, type } = body.token_hash !== ''
      ? await userByTokenHash(deps, tx, body.type, body.token_hash)
      : await userByCode(deps, tx, body.type, email, tokenHash(email, body.token));
    const verified = await applyVerification(deps, tx, user, type);
    return startSession(deps, tx, verified, request.header('user-agent'), 'otp');
  });
  return json(200, session);
}

/** The PKCE authentication method a link's type maps to (`ParseAuthenticationMethod`). */
const PKCE_METHOD: Record<string, string> = { signup: 'email/signup', invite: 'invite', recovery: 'recovery', magiclink: 'magiclink', email_change: 'email_change' };

/**
 * GET /verify?token=&type=&redirect_to= (`verifyGet`): the link in the mail. 303 to the redirect with `?code=` for a
 * `pkce_` token, with the session in the fragment otherwise, or with `error`/`error_code`/`error_description`.
 */
export async function verifyGet(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('verify', request, deps.clock.nowMs());
  const token = request.url.searchParams.get('token') ?? '';
  const type = request.url.searchParams.get('type') ?? '';
  const redirectTo = referrer(request, deps.auth.siteUrl, deps.auth.additionalRedirectUrls);
  if (type === '') throw badRequest('validation_failed', 'Verify requires a verification type');
  if (token === '') throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  const pkce = token.startsWith('pkce_');
  try {
    const outcome = await transaction(deps.pool, async (tx) => {
      const found = await userByTokenHash(deps, tx, type, token);
      const verified = await applyVerification(deps, tx, found.user, found.type);
      if (!pkce) return { session: await startSession(deps, tx, verified, request.header('user-agent'), 'otp') };
      const method = PKCE_METHOD[found.type] ?? found.type;
      try {
        return { code: await issueAuthCode(tx, verified.id, method, now(deps)) };
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        throw badRequest('flow_state_not_found', `No associated flow state found. ${error.message}`);
      }
    });
    return verifyRedirect(redirectTo, type, outcome);
  } catch (error) {
    if (error instanceof AuthError) return errorRedirect(redirectTo, error, pkce);
    throw error;
  }
}
