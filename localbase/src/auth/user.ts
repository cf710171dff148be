import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { metadata, optionalString, readJson } from './body.ts';
import { assertAcceptablePassword, hashPassword, validateEmail, verifyPassword } from './credentials.ts';
import { transaction } from './db.ts';
import { sendEmailChange } from './email-flows.ts';
import { createFlowState, validatePkceParams } from './pkce.ts';
import { referrer } from './redirect.ts';
import { now, type AuthDeps } from './deps.ts';
import { forbidden, unprocessable } from './errors.ts';
import { assertAudience, requireUser } from './guard.ts';
import { deleteOtherSessions, deleteUserSessions } from './sessions.ts';
import { userJson, type UserRow } from './user-json.ts';
import { findUserByEmail, findUserById, mergeMetadata, setEmail, setPassword } from './users-repo.ts';

/** GET /user: the bare User JSON; also how auth-js `getClaims()` validates an HS256 token. */
export async function getUser(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const { claims, user } = await requireUser(deps, request);
  assertAudience(claims, deps.audience);
  return json(200, userJson(user));
}

// `nonce` and `current_password` are accepted; reauthentication is off in the CLI (secure_password_change = false).
const UpdateBody = z.object({
  email: z.string().nullish(),
  phone: z.string().nullish(),
  password: z.string().nullish(),
  data: metadata,
  app_metadata: metadata,
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

/** PUT /user (`[gotrue] internal/api/user.go UserUpdate`). */
export async function updateUser(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  const { claims, user, session } = await requireUser(deps, request);
  deps.limits.check('user', request, deps.clock.nowMs());
  const body = await readJson(request, UpdateBody);
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  if (body.app_metadata) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  if (body.phone) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const email = body.email ? validateEmail(body.email) : undefined;
  const changesEmail = email !== undefined && email !== user.email;
  if (changesEmail && (await findUserByEmail(deps.pool, email, deps.audience))) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }
  let encryptedPassword: string | undefined;
  if (body.password !== undefined && body.password !== null) {
    if (claims.is_anonymous) throw forbidden('no_authorization', 'Anonymous user not allowed to perform these actions');
    assertAcceptablePassword(body.password, deps.auth.minimumPasswordLength);
    if (await verifyPassword(body.password, user.encrypted_password)) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    encryptedPassword = await hashPassword(body.password);
  }

  const updated = await transaction(deps.pool, async (tx) => {
    const at = now(deps);
    if (encryptedPassword !== undefined) {
      await setPassword(tx, user.id, encryptedPassword, at);
      // `UpdatePassword`: a new password ends every other session of the user; the caller's own survives.
      if (session) await deleteOtherSessions(tx, user.id, session.id);
      else await deleteUserSessions(tx, user.id);
    }
    if (changesEmail) {
      // With autoconfirm the change applies at once; otherwise it waits for the link mailed to the new address.
      if (deps.auth.enableConfirmations) {
        const pkce = body.code_challenge !== '';
        if (pkce) await createFlowState(tx, user.id, 'email_change', body.code_challenge_method, body.code_challenge, at);
        const redirectTo = referrer(request, deps.auth.siteUrl, deps.auth.additionalRedirectUrls);
        await sendEmailChange(deps, tx, user, email, { pkce, redirectTo });
      } else await setEmail(tx, user.id, email, at);
    }
    if (body.data) await mergeMetadata(tx, user.id, 'user', body.data, at);
    return (await findUserById(tx, user.id)) as UserRow;
  });
  return json(200, userJson(updated));
}
