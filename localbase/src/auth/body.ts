import { z } from 'zod';
import { HttpError, type ApiRequest } from '../shared/http.ts';
import { firstTooDeep } from '../shared/json-depth.ts';
import { AuthError, badRequest } from './errors.ts';

/**
 * GoTrue reads every body through `http.MaxBytesReader(w, r.Body, 1 << 20)` (`[gotrue] internal/api/api.go`
 * `limitRequestBody`) and answers a longer one 413 `request_entity_too_large` (`internal/api/helpers.go`). The
 * limit also bounds user_metadata, which every access token carries.
 */
export const MAX_BODY_BYTES = 1 << 20;

const tooLarge = () => new AuthError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY_BYTES} bytes)`);

async function bodyText(request: ApiRequest): Promise<string> {
  let text: string;
  try {
    text = await request.text();
  } catch (error) {
    // The gateway's own, larger cap: the body is over GoTrue's too.
    if (error instanceof HttpError && error.status === 413) throw tooLarge();
    throw error;
  }
  if (text.length > MAX_BODY_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw tooLarge();
  return text;
}

/**
 * `retrieveRequestParams` (`[gotrue] internal/api/helpers.go`): any body that is not JSON of the expected shape is
 * 400 `bad_json`. Unknown keys are ignored and `null` means "absent", as Go's json.Unmarshal does.
 */
export async function readJson<T>(request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
  return parseJson(await bodyText(request), schema);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${text.trim() === '' ? 'unexpected end of JSON input' : (error as Error).message}`);
  }
  // Go's scanner words its own depth error (maxNestingDepth 10000) this way; ours comes sooner (shared/json-depth.ts).
  const tooDeep = firstTooDeep(text);
  if (tooDeep) throw badRequest('bad_json', `Could not parse request body as JSON: invalid character '${tooDeep.bracket}' exceeded max depth`);
  assertNoNul(raw);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw badRequest('bad_json', `Could not parse request body as JSON: ${issue?.message ?? 'invalid body'}${where}`);
  }
  return parsed.data;
}

export const NUL_MESSAGE = 'Invalid input: text cannot contain the NUL character (\\u0000)';

/**
 * Go's json.Unmarshal accepts `"\u0000"`, so upstream lets a NUL reach PostgreSQL, which refuses it in text (22021)
 * and in jsonb (22P05), and GoTrue answers 500. No column can hold a NUL, so the request can never succeed: it is
 * refused here, before any query, as the 400 a client can act on.
 */
function assertNoNul(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) throw badRequest('validation_failed', NUL_MESSAGE);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes('\u0000')) throw badRequest('validation_failed', NUL_MESSAGE);
        pending.push(item);
      }
    }
  }
}

/** A JSON body that may also be empty (DELETE /admin/users/{id} sends one only for soft deletes). */
export async function readOptionalJson<T>(request: ApiRequest, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const text = await bodyText(request);
  return text.trim() === '' ? fallback : parseJson(text, schema);
}

export const optionalString = z.string().nullish().transform((value) => value ?? '');
export const metadata = z.record(z.string(), z.unknown()).nullish();
