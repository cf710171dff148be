import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { metadata, optionalString, readJson } from './body.ts';
import { hashPassword, validateEmail } from './credentials.ts';
import { transaction } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { badRequest, unprocessable } from './errors.ts';
import { sendConfirmation, sendMagicLink, sendRecovery } from './email-flows.ts';
import { createFlowState, validatePkceParams } from './pkce.ts';
import { referrer } from './redirect.ts';
import { insertEmailUser } from './signup.ts';
import type { UserRow } from './user-json.ts';
import { confirmEmail, findUserByEmail, findUserById } from './users-repo.ts';

const RecoverBody = z.object({ email: optionalString, code_challenge: optionalString, code_challenge_method: optionalString });

const redirectFor = (deps: AuthDeps, request: ApiRequest) => referrer(request, deps.auth.siteUrl, deps.auth.additionalRedirectUrls);

/** POST /recover (`[gotrue] internal/api/recover.go`): resetPasswordForEmail. An unknown address is a silent 200. */
export async function recover(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('recover', request, deps.clock.nowMs());
  const body = await readJson(request, RecoverBody);
  if (body.email === '') throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(body.email);
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  const user = await findUserByEmail(deps.pool, email, deps.audience);
  if (!user) return json(200, {});
  const pkce = body.code_challenge !== '';
  if (pkce) await createFlowState(deps.pool, user.id, 'recovery', body.code_challenge_method, body.code_challenge, now(deps));
  await transaction(deps.pool, (tx) => sendRecovery(deps, tx, user, { pkce, redirectTo: redirectFor(deps, request) }));
  return json(200, {});
}

const OtpBody = z.object({
  email: optionalString,
  phone: optionalString,
  // Go leaves a bool it cannot find (or null) at its default, which is true here.
  create_user: z.boolean().nullish().transform((value) => value ?? true),
  data: metadata,
  channel: optionalString,
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

/** POST /otp (`[gotrue] internal/api/otp.go`): signInWithOtp. E-mail goes the magic-link way; phone is off locally. */
export async function otp(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('otp', request, deps.clock.nowMs());
  const body = await readJson(request, OtpBody);
  if (body.email !== '' && body.phone !== '') throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  if (body.email !== '' && body.channel !== '') throw badRequest('validation_failed', 'Channel should only be specified with Phone OTP');
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  if (!body.create_user && body.email !== '') {
    const email = validateEmail(body.email);
    if (!(await findUserByEmail(deps.pool, email, deps.audience))) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
  }
  if (body.email !== '') return magicLinkFlow(deps, request, body);
  if (body.phone !== '') throw badRequest('phone_provider_disabled', 'Unsupported phone provider');
  throw badRequest('validation_failed', 'One of email or phone must be set');
}

const MagicLinkBody = z.object({ email: optionalString, data: metadata, code_challenge: optionalString, code_challenge_method: optionalString });

/** POST /magiclink, the legacy spelling of an e-mail OTP (auth-js no longer calls it). */
export async function magicLink(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('magiclink', request, deps.clock.nowMs());
  return magicLinkFlow(deps, request, await readJson(request, MagicLinkBody));
}

type MagicLinkParams = z.infer<typeof MagicLinkBody>;

/**
 * `MagicLink`: an unknown or unconfirmed address is signed up first with a random password. With autoconfirm (the
 * CLI default) the new user is confirmed and gets the magic-link mail; otherwise the confirmation mail is the link.
 */
async function magicLinkFlow(deps: AuthDeps, request: ApiRequest, body: MagicLinkParams): Promise<ApiResponse> {
  // Upstream's wording, copied from the recovery handler.
  if (body.email === '') throw unprocessable('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(body.email);
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  const pkce = body.code_challenge !== '';
  const options = { pkce, redirectTo: redirectFor(deps, request) };
  const autoconfirm = !deps.auth.enableConfirmations;
  const existing = await findUserByEmail(deps.pool, email, deps.audience);
  await transaction(deps.pool, async (tx) => {
    let user = existing;
    if (!user?.email_confirmed_at) {
      if (!deps.auth.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
      const userId = user?.id ?? (await insertEmailUser(tx, deps, email, await hashPassword(randomBytes(24).toString('base64url')), body.data ?? {}));
      if (!autoconfirm) {
        if (pkce) await createFlowState(tx, userId, 'email/signup', body.code_challenge_method, body.code_challenge, now(deps));
        await sendConfirmation(deps, tx, (await findUserById(tx, userId)) as UserRow, options);
        return;
      }
      await confirmEmail(tx, userId, now(deps));
      user = (await findUserById(tx, userId)) as UserRow;
    }
    if (pkce) await createFlowState(tx, user.id, 'magiclink', body.code_challenge_method, body.code_challenge, now(deps));
    await sendMagicLink(deps, tx, user, options);
  });
  return json(200, {});
}
