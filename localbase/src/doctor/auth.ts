import { systemClock } from '../shared/clock.ts';
import { JwtError, signHs256, verifyHs256 } from '../shared/jwt.ts';
import { fail, ok, warn, type Check, type Outcome } from './check.ts';
import { apiUrl, need, NETWORK_TIMEOUT_MS, type DoctorContext } from './context.ts';

const RESTART = 'npx localbase stop && npx localbase start';
/** auth-js refreshes a session on a 30 s tick, a few ticks before expiry ([auth-js] GoTrueClient AUTO_REFRESH_TICK_DURATION_MS). */
const REFRESH_TICK_S = 30;

export function authChecks(ctx: DoctorContext): Check[] {
  const layer = 'auth' as const;
  return [
    { layer, name: 'JWT secret', run: () => checkMintedJwt(ctx) },
    { layer, name: 'API keys', run: () => checkApiKeys(ctx) },
    { layer, name: 'jwt_expiry', run: () => checkJwtExpiry(ctx) },
  ];
}

/**
 * Signs a short-lived service_role JWT with the configured secret and asks the running Auth admin API to accept it:
 * a 401 means the stack was started with another secret (config.toml or LOCALBASE_JWT_SECRET changed since).
 */
async function checkMintedJwt(ctx: DoctorContext): Promise<Outcome> {
  const config = need(ctx.config, 'config');
  const secret = config.auth.jwtSecret;
  const now = Math.floor(Date.now() / 1000);
  const token = await signHs256({ role: 'service_role', iss: 'localbase-doctor', iat: now, exp: now + 60 }, secret);
  await verifyHs256(token, { secret, clock: systemClock });
  const response = await fetch(`${apiUrl(config)}/auth/v1/admin/users?per_page=1`, {
    headers: { apikey: token, authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
  });
  const body = (await response.text()).slice(0, 200);
  if (response.ok) return ok('a service_role JWT signed with the configured secret is accepted by /auth/v1/admin/users');
  if (response.status === 401 || response.status === 403) {
    return fail(
      `the running stack rejects a service_role JWT signed with the configured jwt_secret (${response.status} ${body}): it was started with another secret, so every key \`status\` prints now fails with a bad signature.`,
      RESTART,
    );
  }
  return fail(`GET /auth/v1/admin/users with a service_role JWT → ${response.status} ${body}`, RESTART);
}

/** The keys `localbase status` prints must be HS256 JWTs of the configured secret with the right role claim. */
async function checkApiKeys(ctx: DoctorContext): Promise<Outcome> {
  const config = need(ctx.config, 'config');
  const keys = need(ctx.keys, 'keys');
  for (const [name, token, role] of [
    ['ANON_KEY', keys.anonKey, 'anon'],
    ['SERVICE_ROLE_KEY', keys.serviceRoleKey, 'service_role'],
  ] as const) {
    try {
      const claims = await verifyHs256(token, { secret: config.auth.jwtSecret, clock: systemClock });
      if (claims.role !== role) return fail(`${name} carries role ${JSON.stringify(claims.role)}, not ${role}.`, 'npx localbase status -o env   (and copy the keys again)');
    } catch (error) {
      const reason = error instanceof JwtError ? error.reason : (error as Error).message;
      return fail(`${name} does not verify with the configured jwt_secret (${reason}).`, 'npx localbase status -o env   (and copy the keys again)');
    }
  }
  const response = await fetch(`${apiUrl(config)}/rest/v1/`, {
    headers: { apikey: keys.anonKey, authorization: `Bearer ${keys.anonKey}` },
    signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
  });
  if (!response.ok) {
    return fail(`the running REST API rejects ANON_KEY (${response.status} ${(await response.text()).slice(0, 200)}): it was started with another jwt_secret.`, RESTART);
  }
  return ok('ANON_KEY and SERVICE_ROLE_KEY verify with the configured secret; REST accepts ANON_KEY');
}

async function checkJwtExpiry(ctx: DoctorContext): Promise<Outcome> {
  const expiry = need(ctx.config, 'config').auth.jwtExpiry;
  if (expiry <= 0) return fail(`[auth] jwt_expiry is ${expiry}: every access token is born expired.`, 'Set [auth] jwt_expiry = 3600 in supabase/config.toml, then run `npx localbase stop && npx localbase start`.');
  if (expiry < 60) {
    return warn(
      `[auth] jwt_expiry is ${expiry} s: tokens expire faster than auth-js refreshes them (${REFRESH_TICK_S} s tick), so requests and Realtime channels may meet an expired token.`,
      'Set [auth] jwt_expiry to 60 or more in supabase/config.toml (or unset SUPABASE_AUTH_JWT_EXPIRY), unless you are testing expiry on purpose.',
    );
  }
  return ok(`access tokens live ${expiry} s`);
}
