import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { metadata, optionalString, readJson } from './body.ts';
import { assertAcceptablePassword, hashPassword, validateEmail } from './credentials.ts';
import { transaction, type Db } from './db.ts';
import { sendConfirmation } from './email-flows.ts';
import { createFlowState, validatePkceParams } from './pkce.ts';
import { referrer } from './redirect.ts';
import { now, type AuthDeps } from './deps.ts';
import { badRequest, unprocessable } from './errors.ts';
import { startSession } from './tokens.ts';
import { userJson, type UserRow } from './user-json.ts';
import { confirmEmail, findUserByEmail, findUserById, insertIdentity, insertUser } from './users-repo.ts';

// auth-js sends `gotrue_meta_security` too; it is accepted and ignored (no captcha).
const SignupBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata,
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

/** A new e-mail user and its identity, which copies the data under the claims it does not already carry. */
export async function insertEmailUser(tx: Db, deps: AuthDeps, email: string, encryptedPassword: string, data: Record<string, unknown>): Promise<string> {
  const userId = await insertUser(tx, {
    email,
    encryptedPassword,
    aud: deps.audience,
    role: 'authenticated',
    appMetadata: { provider: 'email', providers: ['email'] },
    userMetadata: data,
    now: now(deps),
  });
  await insertIdentity(tx, userId, 'email', { ...data, sub: userId, email, email_verified: false, phone_verified: false }, now(deps));
  return userId;
}

/**
 * POST /signup (`[gotrue] internal/api/signup.go`). With `[auth.email] enable_confirmations = false` (the
 * CLI default) the user is confirmed at once and the answer is a session; otherwise the bare user, and a
 * confirmation mail goes to the mail catcher.
 */
export async function signup(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('signup', request, deps.clock.nowMs());
  const body = await readJson(request, SignupBody);
  if (body.email === '' && body.phone === '') throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  if (!deps.auth.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (body.email === '') throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (body.password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  assertAcceptablePassword(body.password, deps.auth.minimumPasswordLength);
  const email = validateEmail(body.email);
  const data = body.data ?? {};
  const autoconfirm = !deps.auth.enableConfirmations;

  const existing = await findUserByEmail(deps.pool, email, deps.audience);
  if (existing?.email_confirmed_at) {
    if (autoconfirm) throw unprocessable('user_already_exists', 'User already registered');
    // Upstream answers with a look-alike user so sign-up cannot be used to probe which addresses exist.
    return json(200, obfuscatedUser(deps, email, data));
  }
  const encryptedPassword = existing ? '' : await hashPassword(body.password);
  return transaction(deps.pool, async (tx) => {
    const userId = existing?.id ?? (await insertEmailUser(tx, deps, email, encryptedPassword, data));
    if (!autoconfirm) {
      const pkce = body.code_challenge !== '';
      if (pkce) await createFlowState(tx, userId, 'email/signup', body.code_challenge_method, body.code_challenge, now(deps));
      const redirectTo = referrer(request, deps.auth.siteUrl, deps.auth.additionalRedirectUrls);
      await sendConfirmation(deps, tx, (await findUserById(tx, userId)) as UserRow, { pkce, redirectTo });
      return json(200, userJson((await findUserById(tx, userId)) as UserRow));
    }
    // As upstream, an existing unconfirmed account (left from a time confirmations were on) is confirmed here.
    await confirmEmail(tx, userId, now(deps));
    await tx.query('update auth.users set last_sign_in_at = $2 where id = $1', [userId, now(deps)]);
    const user = (await findUserById(tx, userId)) as UserRow;
    return json(200, await startSession(deps, tx, user, request.header('user-agent')));
  }).catch((error: unknown) => {
    // Two concurrent sign-ups of one address: the unique index decides, the loser gets the upstream answer.
    if ((error as { code?: string }).code === '23505') throw unprocessable('user_already_exists', 'User already registered');
    throw error;
  });
}

/** `sanitizeUser`: a fresh id, no identities, no confirmation timestamps. */
function obfuscatedUser(deps: AuthDeps, email: string, data: Record<string, unknown>): Record<string, unknown> {
  const at = now(deps).toISOString();
  return {
    id: randomUUID(),
    aud: deps.audience,
    role: '',
    email,
    phone: '',
    confirmation_sent_at: at,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: at,
    updated_at: at,
    is_anonymous: false,
  };
}
