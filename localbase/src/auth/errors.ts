import { json, type ApiResponse } from '../shared/http.ts';

/**
 * GoTrue's error vocabulary (`[gotrue] internal/api/apierrors`). Thrown anywhere in src/auth, rendered once by
 * `renderAuthError` in the shape the request's `X-Supabase-Api-Version` asks for.
 */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Only for `weak_password`: the failed checks (`length`, `characters`, `pwned`). */
    readonly reasons?: string[],
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** RFC 6749 errors GoTrue answers without its own envelope, e.g. a refresh grant with no token. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);

/**
 * SQLSTATEs that only bad input produces: 22021 (a NUL or invalid UTF-8 in text) and 22P05 (`\u0000` in jsonb).
 * GoTrue answers them 500; they are the caller's mistake, so they are 400 `validation_failed` here. Everything else
 * from the database stays a 500.
 */
const INPUT_SQLSTATES = new Set(['22021', '22P05']);

export function fromDatabaseError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !INPUT_SQLSTATES.has(code)) return error;
  return badRequest('validation_failed', `Invalid input: ${(error as Error).message}`);
}

export function weakPassword(message: string, reasons: string[]): AuthError {
  return new AuthError(422, 'weak_password', message, reasons);
}

export const API_VERSION_HEADER = 'x-supabase-api-version';
const API_VERSION_2024 = '2024-01-01';

/**
 * `DetermineClosestAPIVersion`: a parseable date at or after 2024-01-01 selects the 2024-01-01 format; no header,
 * an unparseable one or an older date select the initial (legacy) format, which is never echoed.
 */
export function usesApiVersion2024(header: string | undefined): boolean {
  if (!header || !/^\d{4}-\d{2}-\d{2}$/.test(header.trim())) return false;
  const date = Date.parse(`${header.trim()}T00:00:00Z`);
  return Number.isFinite(date) && date >= Date.parse(`${API_VERSION_2024}T00:00:00Z`);
}

/**
 * `HandleResponseError`. auth-js reads `error.code` only when the response echoes the version header
 * (auth-js `handleError`), so the echo is not optional. Unknown errors become 500 `unexpected_failure`; the caller logs them.
 */
export function renderAuthError(error: unknown, apiVersionHeader: string | undefined): ApiResponse {
  const modern = usesApiVersion2024(apiVersionHeader);
  const headers: Record<string, string> = modern ? { 'x-supabase-api-version': API_VERSION_2024 } : {};
  if (error instanceof OAuthError) {
    return json(400, { error: error.error, error_description: error.description }, headers);
  }
  const known = error instanceof AuthError ? error : new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
  if (known.code === 'weak_password') {
    // Upstream sets x-sb-error-code for a weak password only in the legacy format.
    const payload = { weak_password: { reasons: known.reasons ?? [] } };
    if (modern) return json(422, { code: known.code, message: known.message, ...payload }, headers);
    return json(422, { code: 422, error_code: known.code, msg: known.message, ...payload }, { ...headers, 'x-sb-error-code': known.code });
  }
  headers['x-sb-error-code'] = known.code;
  if (modern) return json(known.status, { code: known.code, message: known.message }, headers);
  return json(known.status, { code: known.status, error_code: known.code, msg: known.message }, headers);
}
