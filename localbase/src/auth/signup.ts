import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { metadata, optionalString, readJson } from './body.ts';
import { assertAcceptablePassword, hashPassword, validateEmail } from './credentials.ts';
import { transaction } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { badRequest, unprocessable } from './errors.ts';
import { startSession } from './tokens.ts';
import { userJson, type UserRow } from './user-json.ts';
import { confirmEmail, findUserByEmail, findUserById, insertIdentity, insertUser } from './users-repo.ts';

// auth-js sends `gotrue_meta_security` and the PKCE pair too; they are accepted and ignored (no captcha, no mail flow).
const SignupBody = z.object({
  email: optionalString,
  phone: optionalString,
  password: optionalString,
  data: metadata,
});

/**
 * POST /signup (`[gotrue] internal/api/signup.go`). With `[auth.email] enable_confirmations = false` (the
 * CLI default) the user is confirmed at once and the answer is a session; otherwise the bare user, and no mail is sent.
 */
export async function signup(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const body = await readJson(request, SignupBody);
  if (body.email === '' && body.phone === '') throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  if (!deps.auth.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (body.email === '') throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (body.password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
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
    let userId = existing?.id;
    if (!userId) {
      userId = await insertUser(tx, {
        email,
        encryptedPassword,
        aud: deps.audience,
        role: 'authenticated',
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: data,
        now: now(deps),
      });
      // The identity copies the signup data under the claims it does not already carry.
      await insertIdentity(tx, userId, 'email', { ...data, sub: userId, email, email_verified: false, phone_verified: false }, now(deps));
    }
    if (!autoconfirm) {
      await tx.query('update auth.users set confirmation_sent_at = $2 where id = $1', [userId, now(deps)]);
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
