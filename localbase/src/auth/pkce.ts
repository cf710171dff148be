import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ApiRequest } from '../shared/http.ts';
import { optionalString, readJson } from './body.ts';
import { one, transaction, type Db } from './db.ts';
import { now, type AuthDeps } from './deps.ts';
import { AuthError, badRequest } from './errors.ts';
import { startSession, type SessionResponse } from './tokens.ts';
import type { UserRow } from './user-json.ts';
import { findUserById } from './users-repo.ts';

export const PKCE_INVALID_PARAMS = 'PKCE flow requires code_challenge_method and code_challenge';
/** `FlowStateExpiryDuration`'s floor and default: a code must be exchanged within five minutes. */
const FLOW_STATE_EXPIRY_MS = 300_000;

/** `validatePKCEParams`: both or neither; a challenge of 43–128 unreserved characters (RFC 7636 §4.2). */
export function validatePkceParams(method: string, challenge: string): void {
  if ((challenge === '') !== (method === '')) throw badRequest('validation_failed', PKCE_INVALID_PARAMS);
  if (challenge === '') return;
  if (challenge.length < 43 || challenge.length > 128) throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters');
  if (!/^[a-zA-Z._~0-9-]+$/.test(challenge)) {
    throw badRequest('validation_failed', 'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes');
  }
}

/** `generateFlowState`: remembers the challenge until the mailed link is followed. */
export async function createFlowState(db: Db, userId: string, method: 'recovery' | 'magiclink' | 'email/signup' | 'email_change', codeChallengeMethod: string, challenge: string, at: Date): Promise<void> {
  const ccMethod = codeChallengeMethod.toLowerCase();
  if (ccMethod !== 's256' && ccMethod !== 'plain') throw new AuthError(500, 'unexpected_failure', `unsupported code_challenge method "${codeChallengeMethod}"`);
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type, authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6, $7, $7)`,
    [randomUUID(), userId, randomUUID(), ccMethod, challenge, method, at],
  );
}

/** `issueAuthCode`: the newest flow state of the user for this method; its code goes back in the redirect. */
export async function issueAuthCode(db: Db, userId: string, method: string, at: Date): Promise<string> {
  const flow = await one<{ id: string; auth_code: string | null }>(
    db,
    'select id, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2 order by created_at desc limit 1',
    [userId, method],
  );
  if (!flow) throw new AuthError(422, 'flow_state_not_found', 'No valid flow state found for user.');
  if (!flow.auth_code) throw new AuthError(422, 'flow_state_not_found', 'Flow state does not have an auth code (not a PKCE flow).');
  await db.query('update auth.flow_state set auth_code_issued_at = $2, updated_at = $2 where id = $1', [flow.id, at]);
  return flow.auth_code;
}

function challengeMatches(challenge: string, method: string, verifier: string): boolean {
  const expected = method === 's256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  const a = Buffer.from(challenge);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const PkceBody = z.object({ auth_code: optionalString, code_verifier: optionalString });

interface FlowRow {
  id: string;
  user_id: string | null;
  code_challenge: string;
  code_challenge_method: string;
  authentication_method: string;
  created_at: Date;
  auth_code_issued_at: Date | null;
}

/** POST /token?grant_type=pkce (`[gotrue] internal/api/token.go PKCE`): exchangeCodeForSession. */
export async function pkceGrant(deps: AuthDeps, request: ApiRequest): Promise<SessionResponse> {
  const body = await readJson(request, PkceBody);
  if (body.auth_code === '' || body.code_verifier === '') {
    throw badRequest('validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
  }
  return transaction(deps.pool, async (tx) => {
    const flow = await one<FlowRow>(tx, 'select * from auth.flow_state where auth_code = $1 for update', [body.auth_code]);
    if (!flow || !flow.user_id) throw new AuthError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
    // A magic link's code lives from the moment the link was followed; everything else from the request.
    const from = flow.auth_code_issued_at && flow.authentication_method === 'magiclink' ? flow.auth_code_issued_at : flow.created_at;
    if (deps.clock.nowMs() > from.getTime() + FLOW_STATE_EXPIRY_MS) {
      throw new AuthError(422, 'flow_state_expired', 'invalid flow state, flow state has expired');
    }
    if (!challengeMatches(flow.code_challenge, flow.code_challenge_method, body.code_verifier)) {
      throw badRequest('bad_code_verifier', 'code challenge does not match previously saved code verifier');
    }
    const user = (await findUserById(tx, flow.user_id)) as UserRow;
    await tx.query('delete from auth.flow_state where id = $1', [flow.id]);
    await tx.query('update auth.users set last_sign_in_at = $2 where id = $1', [user.id, now(deps)]);
    return startSession(deps, tx, (await findUserById(tx, user.id)) as UserRow, request.header('user-agent'), flow.authentication_method);
  });
}
