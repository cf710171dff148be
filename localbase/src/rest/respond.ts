import type { ApiResponse } from '../shared/http.ts';
import type { Preferences } from './ast.ts';
import { RestError, singularityError } from './errors.ts';

/** The single row every statement answers (see sql-read.ts resultSql). */
export interface ResultRow {
  total: string | null;
  page_total: string | number;
  body: string | null;
  inserted?: string | null;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

function contentRange(offset: number, page: number, total: number | undefined): string {
  const size = total === undefined ? '*' : String(total);
  return page > 0 ? `${offset}-${offset + page - 1}/${size}` : `*/${size}`;
}

export type Action = 'read' | 'insert' | 'update' | 'delete' | 'rpc';

/** Which honoured preferences each action echoes, in upstream's order (`[pgrst] Response.hs`, `prefAppliedHeader`). */
const ECHOED: Record<Action, (keyof Preferences)[]> = {
  read: ['count', 'handling'],
  insert: ['resolution', 'return', 'count', 'missing', 'handling'],
  update: ['return', 'count', 'missing', 'handling', 'maxAffected'],
  delete: ['return', 'count', 'handling', 'maxAffected'],
  rpc: ['count', 'handling', 'maxAffected'],
};

function preferenceApplied(prefs: Preferences, action: Action, headers: Record<string, string>): void {
  const applied = ECHOED[action].flatMap((name) => {
    const value = prefs[name];
    if (value === undefined) return [];
    if (name === 'maxAffected') return prefs.handling === 'strict' ? [`max-affected=${value}`] : [];
    return [`${name}=${value}`];
  });
  if (applied.length) headers['preference-applied'] = applied.join(', ');
}

/**
 * Checks made inside the transaction so a failing write is rolled back: PGRST116 for `Accept:
 * application/vnd.pgrst.object+json` when the rows are not exactly one, PGRST124 for
 * `Prefer: handling=strict, max-affected=n` when a write touched more than n rows.
 */
export function checkResult(row: ResultRow, singular: boolean, prefs: Preferences, isWrite: boolean): void {
  const rows = Number(row.page_total);
  if (singular && rows !== 1) throw singularityError(rows);
  if (isWrite && prefs.handling === 'strict' && prefs.maxAffected !== undefined && rows > prefs.maxAffected) {
    throw new RestError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${rows} rows`);
  }
}

/** GET/HEAD (`[pgrst] src/PostgREST/Response.hs readResponse`, `RangeQuery.hs rangeStatus`). */
export function readResponse(row: ResultRow, offset: number, singular: boolean, prefs: Preferences, action: Action = 'read'): ApiResponse {
  const page = Number(row.page_total);
  const total = row.total === null ? undefined : Number(row.total);
  if (total !== undefined && offset > total) {
    throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`);
  }
  const status = total !== undefined && page < total ? 206 : 200;
  const headers: Record<string, string> = { 'content-type': singular ? OBJECT_TYPE : JSON_TYPE, 'content-range': contentRange(offset, page, total) };
  preferenceApplied(prefs, action, headers);
  return { status, headers, body: row.body ?? '[]' };
}

export interface MutationResult {
  method: 'POST' | 'PATCH' | 'DELETE';
  row: ResultRow;
  prefs: Preferences;
  singular: boolean;
  /** For `return=headers-only`: `/table?pk=eq.v` of the first inserted row. */
  location?: string;
}

/** Statuses and headers of `[pgrst] Response.hs` for writes: 201 / 200 / 204, bodies only on representation. */
export function mutationResponse({ method, row, prefs, singular, location }: MutationResult): ApiResponse {
  const page = Number(row.page_total);
  const count = prefs.count ? page : undefined;
  const headers: Record<string, string> = {};
  preferenceApplied(prefs, method === 'POST' ? 'insert' : method === 'PATCH' ? 'update' : 'delete', headers);
  const representation = prefs.return === 'representation';
  if (method === 'POST') {
    headers['content-range'] = `*/${count ?? '*'}`;
    if (prefs.return === 'headers-only' && location) headers.location = location;
    // An upsert that merged into existing rows only (none inserted) answers 200.
    const status = prefs.resolution === 'merge-duplicates' && row.inserted !== undefined && Number(row.inserted) <= 0 ? 200 : 201;
    if (!representation) return { status, headers };
    return { status, headers: { ...headers, 'content-type': singular ? OBJECT_TYPE : JSON_TYPE }, body: row.body ?? '[]' };
  }
  // PATCH reports `0-(n-1)/…`, DELETE only `*/…` (upstream's contentRangeH 1 0).
  headers['content-range'] = method === 'PATCH' && page > 0 ? `0-${page - 1}/${count ?? '*'}` : `*/${count ?? '*'}`;
  if (!representation) return { status: 204, headers };
  return { status: 200, headers: { ...headers, 'content-type': singular ? OBJECT_TYPE : JSON_TYPE }, body: row.body ?? '[]' };
}

/** `/rpc/fn`: `void` → 204, otherwise the JSON value. */
export function rpcResponse(row: ResultRow, returnsVoid: boolean, returnsSet: boolean, offset: number, singular: boolean, prefs: Preferences): ApiResponse {
  if (returnsVoid) {
    const headers: Record<string, string> = { 'content-range': '*/*' };
    preferenceApplied(prefs, 'rpc', headers);
    return { status: 204, headers };
  }
  if (returnsSet) return readResponse(row, offset, singular, prefs, 'rpc');
  return { status: 200, headers: { 'content-type': JSON_TYPE, 'content-range': '0-0/*' }, body: row.body ?? 'null' };
}
