import type { ApiResponse } from '../shared/http.ts';
import type { AuthError } from './errors.ts';
import { queryEscape } from './mailer.ts';
import type { SessionResponse } from './tokens.ts';

/** `oauthErrorMap`: the RFC 6749 `error` for a status. */
const OAUTH_ERRORS: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error', 503: 'temporarily_unavailable' };

/** Go's url.Values.Encode: keys sorted, QueryEscape'd. */
function encode(values: Record<string, string>): string {
  return Object.keys(values)
    .sort()
    .map((key) => `${queryEscape(key)}=${queryEscape(values[key]!)}`)
    .join('&');
}

function see(location: string): ApiResponse {
  return { status: 303, headers: { location } };
}

function splitUrl(url: string): { base: string; query: Record<string, string> } {
  const [withoutFragment] = url.split('#');
  const [base, search = ''] = withoutFragment!.split('?');
  return { base: base!, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** Success: `?code=` (PKCE, the redirect's own query kept) or the session as a fragment (`AsRedirectURL`). */
export function verifyRedirect(redirectTo: string, type: string, outcome: { code?: string; session?: SessionResponse }): ApiResponse {
  if (outcome.code !== undefined) {
    const { base, query } = splitUrl(redirectTo);
    return see(`${base}?${encode({ ...query, code: outcome.code })}`);
  }
  const s = outcome.session!;
  const fragment = encode({
    access_token: s.access_token,
    expires_at: String(s.expires_at),
    expires_in: String(s.expires_in),
    refresh_token: s.refresh_token,
    sb: '',
    token_type: s.token_type,
    type,
  });
  return see(`${redirectTo}#${fragment}`);
}

/**
 * `prepErrorRedirectURL`: `error`, `error_code`, `error_description` and `sb` in the fragment always; in the query
 * too for PKCE, where the client reads them from the query (auth-js `_getSessionFromURL`).
 */
export function errorRedirect(redirectTo: string, error: AuthError, pkce: boolean): ApiResponse {
  const { base, query } = splitUrl(redirectTo);
  const oauth = OAUTH_ERRORS[error.status];
  const details = { ...(oauth ? { error: oauth } : {}), error_code: error.code, error_description: error.message };
  const search = pkce ? encode({ ...query, ...details }) : new URLSearchParams(query).toString();
  return see(`${base}${search ? `?${search}` : ''}#${encode({ ...details, sb: '' })}`);
}
