import { z } from 'zod';
import { json, type ApiRequest, type ApiResponse } from '../shared/http.ts';
import { optionalString, readJson } from './body.ts';
import { validateEmail } from './credentials.ts';
import { transaction } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { badRequest } from './errors.ts';
import { sendConfirmation, sendEmailChange } from './email-flows.ts';
import { createFlowState, validatePkceParams } from './pkce.ts';
import { referrer } from './redirect.ts';
import { findUserByEmail } from './users-repo.ts';

const ResendBody = z.object({
  type: optionalString,
  email: optionalString,
  phone: optionalString,
  code_challenge: optionalString,
  code_challenge_method: optionalString,
});

/**
 * POST /resend (`[gotrue] internal/api/resend.go`): auth-js `resend()` for `signup` and `email_change`. Nothing to
 * resend (unknown address, already confirmed, no pending change) is a silent 200, as upstream.
 */
export async function resend(deps: AuthDeps, request: ApiRequest): Promise<ApiResponse> {
  deps.limits.check('resend', request, deps.clock.nowMs());
  const body = await readJson(request, ResendBody);
  if (!['signup', 'email_change', 'sms', 'phone_change'].includes(body.type)) {
    throw badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  validatePkceParams(body.code_challenge_method, body.code_challenge);
  if (body.email === '' && body.type === 'signup') throw badRequest('validation_failed', 'Type provided requires an email address');
  if (body.phone === '' && body.type === 'sms') throw badRequest('validation_failed', 'Type provided requires a phone number');
  if (body.email !== '' && body.phone !== '') throw badRequest('validation_failed', 'Only an email address or phone number should be provided.');
  if (body.phone !== '') throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (body.email === '') throw badRequest('validation_failed', 'Missing email address or phone number');
  const user = await findUserByEmail(deps.pool, validateEmail(body.email), deps.audience);
  if (!user) return json(200, {});
  if (body.type === 'signup' && user.email_confirmed_at) return json(200, {});
  if (body.type === 'email_change' && !user.email_change) return json(200, {});
  const pkce = body.code_challenge !== '';
  const options = { pkce, redirectTo: referrer(request, deps.auth.siteUrl, deps.auth.additionalRedirectUrls) };
  await transaction(deps.pool, async (tx) => {
    const method = body.type === 'signup' ? 'email/signup' : 'email_change';
    if (pkce) await createFlowState(tx, user.id, method, body.code_challenge_method, body.code_challenge, now(deps));
    if (body.type === 'signup') await sendConfirmation(deps, tx, user, options);
    else await sendEmailChange(deps, tx, user, user.email_change!, options);
  });
  return json(200, {});
}
