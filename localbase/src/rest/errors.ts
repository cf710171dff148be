import { json, type ApiResponse } from '../shared/http.ts';

/**
 * A PostgREST error `{code,message,details,hint}` (`[pgrst] src/PostgREST/Error.hs`). Thrown anywhere in
 * src/rest and rendered once by the service, so every user mistake gets its upstream code and never a bare 500.
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string | null = null,
    readonly hint: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RestError';
  }

  toResponse(): ApiResponse {
    return json(this.status, { code: this.code, details: this.details, hint: this.hint, message: this.message }, this.headers);
  }
}

/** PGRST100: a query parameter the grammar does not accept (`[pgrst] ApiRequest/QueryParams.hs`). */
export function parseError(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST100', message, details);
}

/** PGRST108: a filter, order or transform names an embed the select does not have. */
export function notEmbedded(name: string): RestError {
  return new RestError(400, 'PGRST108', `'${name}' is not an embedded resource in this request`, null, `Verify that '${name}' is included in the 'select' query parameter.`);
}

export function columnNotFound(column: string, table: string): RestError {
  return new RestError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

/** What PostgreSQL itself answers for an unknown column in a read; we refuse it before any SQL is built. */
export function undefinedColumn(table: string, column: string): RestError {
  return new RestError(400, '42703', `column ${table}.${column} does not exist`);
}

export function tableNotFound(schema: string, table: string, suggestion?: string): RestError {
  const hint = suggestion ? `Perhaps you meant the table '${schema}.${suggestion}'` : null;
  return new RestError(404, 'PGRST205', `Could not find the table '${schema}.${table}' in the schema cache`, null, hint);
}

export function invalidSchema(schema: string, exposed: string[]): RestError {
  return new RestError(406, 'PGRST106', `Invalid schema: ${schema}`, null, `Only the following schemas are exposed: ${exposed.join(', ')}`);
}

export function invalidBody(message: string, details: string | null = null): RestError {
  return new RestError(400, 'PGRST102', message, details);
}

/**
 * PostgreSQL's MaxTupleAttributeNumber: a longer target list fails with 54011, which PostgREST answers 500
 * (`[pgrst] Error.hs`, class 54). The select parameter asked for it, so it is refused before any SQL, as a select
 * PostgREST cannot parse is.
 */
export const MAX_SELECT_ENTRIES = 1664;
export const TOO_MANY_ENTRIES = `a select list cannot have more than ${MAX_SELECT_ENTRIES} entries`;

export function singularityError(rows: number): RestError {
  return new RestError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}

/** PGRST301/PGRST303 carry the RFC 6750 challenge (`[pgrst] Error.hs` `JwtErr`). */
export function jwtError(code: 'PGRST301' | 'PGRST303', message: string): RestError {
  return new RestError(401, code, message, null, null, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${message.replace(/"/g, "'")}"`,
  });
}

interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

export function isPgError(error: unknown): error is PgErrorLike {
  return error instanceof Error && typeof (error as PgErrorLike).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PgErrorLike).code!);
}

/** `pgErrorStatus` of `[pgrst] Error.hs`; the role decides 401 vs 403 for 42501. */
export function pgErrorStatus(code: string, message: string, role: string): number {
  if (code === '23505' || code === '23503') return 409;
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '42P01' || code === '42883') return 404;
  if (code === '22023') return /^role .* does not exist$/.test(message) ? 401 : 400;
  if (code === '21000') return /requires a WHERE clause/.test(message) ? 400 : 500;
  if (code === '25006') return 405;
  if (code === 'P0001') return 400;
  if (code === '53400' || code === '42P17') return 500;
  if (code === '57P01') return 503;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  const prefix = code.slice(0, 2);
  if (prefix === '08' || prefix === '53') return 503;
  if (prefix === '0L' || prefix === '0P' || prefix === '28') return 403;
  if (['P0', '09', '2D', '25', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'XX'].includes(prefix)) return 500;
  return 400;
}

export function fromPgError(error: PgErrorLike, role: string): RestError {
  const code = error.code!;
  const status = pgErrorStatus(code, error.message, role);
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  return new RestError(status, code, error.message, error.detail ?? null, error.hint ?? null, headers);
}
