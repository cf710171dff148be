import { z } from 'zod';
import type { ApiRequest } from '../shared/http.ts';
import { badRequest } from './errors.ts';

/**
 * `retrieveRequestParams` (`[gotrue] internal/api/helpers.go`): any body that is not JSON of the expected shape is
 * 400 `bad_json`. Unknown keys are ignored and `null` means "absent", as Go's json.Unmarshal does.
 */
export async function readJson<T>(request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${text.trim() === '' ? 'unexpected end of JSON input' : (error as Error).message}`);
  }
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
  if ((await request.text()).trim() === '') return fallback;
  return readJson(request, schema);
}

export const optionalString = z.string().nullish().transform((value) => value ?? '');
export const metadata = z.record(z.string(), z.unknown()).nullish();
