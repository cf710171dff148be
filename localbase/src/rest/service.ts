import type { ServiceContext } from '../shared/context.ts';
import { HttpError, json, type ApiRequest, type ApiResponse, type Handler } from '../shared/http.ts';
import { firstTooDeep, MAX_JSON_DEPTH } from '../shared/json-depth.ts';
import { invalidBody, invalidSchema, RestError, tableNotFound } from './errors.ts';
import { applyRange, checkStrictPreferences, parsePrefer, parseQuery, parseRangeHeader } from './parse.ts';
import { authenticate } from './request-auth.ts';
import { checkResult, mutationResponse, readResponse, rpcResponse, type ResultRow } from './respond.ts';
import { createSchemaCache, suggestName, type SchemaCache, type Table } from './schema-cache.ts';
import { tableKey } from './schema-load.ts';
import { deleteSql, insertSql, updateSql } from './sql-mutate.ts';
import { readSql } from './sql-read.ts';
import { findFunction, rpcPayload, rpcSql } from './sql-rpc.ts';
import { runInTransaction, type Run } from './transaction.ts';

export interface RestService {
  handler: Handler;
  reloadSchema(): Promise<void>;
  close(): Promise<void>;
}

const OBJECT_MEDIA = /application\/vnd\.pgrst\.object(\+json)?/;

/** GET/HEAD read `Accept-Profile`, writes `Content-Profile`; both default to the first exposed schema. */
function pickSchema(context: ServiceContext, request: ApiRequest): string {
  const exposed = context.config.api.schemas;
  const header = ['GET', 'HEAD'].includes(request.method) ? request.header('accept-profile') : request.header('content-profile');
  if (header === undefined || header === '') return exposed[0] ?? 'public';
  if (!exposed.includes(header)) throw invalidSchema(header, exposed);
  return header;
}

/**
 * `application/json`, `*\/*`, the singular object type and `vnd.pgrst.array+json` (with `nulls=stripped`) are served;
 * CSV, plans and the rest are refused with PGRST107, as upstream refuses a media type it cannot produce.
 */
function mediaOf(request: ApiRequest): { singular: boolean; stripNulls: boolean; csv: boolean } {
  const accept = request.header('accept') ?? '*/*';
  const stripNulls = /nulls=stripped/.test(accept);
  if (OBJECT_MEDIA.test(accept)) return { singular: true, stripNulls, csv: false };
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim());
  if (types.some((t) => ['', '*/*', 'application/*', 'application/json', 'application/vnd.pgrst.array+json'].includes(t))) return { singular: false, stripNulls, csv: false };
  // CSV is served for table reads (postgrest-js `csv()`); elsewhere it falls through to PGRST107.
  if (types.includes('text/csv') && ['GET', 'HEAD'].includes(request.method) && !request.path.startsWith('/rpc/')) return { singular: false, stripNulls: false, csv: true };
  throw new RestError(406, 'PGRST107', `None of these media types are available: ${types.join(', ')}`);
}

async function readBody(request: ApiRequest): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidBody('Empty or invalid json');
  }
  // PostgREST passes any depth on to PostgreSQL; the SQL builders here re-serialise the body (shared/json-depth.ts).
  if (firstTooDeep(text)) throw invalidBody('Empty or invalid json', `the JSON body nests more than ${MAX_JSON_DEPTH} levels deep`);
  return body;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
  }
}

function findTable(cache: SchemaCache, schema: string, name: string): Table {
  const table = cache.tables.get(tableKey(schema, name));
  if (table) return table;
  const names = [...cache.tables.values()].filter((t) => t.schema === schema).map((t) => t.name);
  throw tableNotFound(schema, name, suggestName(name, names));
}

/**
 * The PostgREST-compatible service behind `/rest/v1`: parse (parse.ts) → validated, parameterised SQL (sql-*.ts) →
 * one transaction per request under the caller's role and claims (transaction.ts) → PostgREST's statuses and
 * headers (respond.ts). Errors are thrown anywhere and rendered here once (errors.ts).
 */
export async function createRestService(context: ServiceContext): Promise<RestService> {
  const schemaCache = await createSchemaCache(context);

  async function route(request: ApiRequest): Promise<ApiResponse> {
    const path = request.path.replace(/\/+$/, '') || '/';
    const segments = path.split('/').slice(1).map(decodeSegment);
    if (request.method === 'OPTIONS') return options(schemaCache.current(), pickSchema(context, request), path === '/' ? [] : segments);
    if (path === '/') return json(200, { swagger: '2.0', info: { title: 'localbase REST', version: '14.12' }, paths: {} });
    const auth = await authenticate(context, request);
    const schema = pickSchema(context, request);
    const { singular, stripNulls, csv } = mediaOf(request);
    const prefs = parsePrefer(request.header('prefer'));
    checkStrictPreferences(prefs);
    const cache = schemaCache.current();
    const params = [...request.url.searchParams.entries()];
    const maxRows = context.config.api.maxRows || undefined;
    const readOnly = request.method === 'GET' || request.method === 'HEAD';
    const check = (row: ResultRow) => checkResult(row, singular, prefs, !readOnly);
    const run = (text: string, values: unknown[], after?: Run['after']) =>
      runInTransaction(context, cache, request, { auth, schema, readOnly, check, text, values, ...(after ? { after } : {}) });

    if (segments.length === 2 && segments[0] === 'rpc') {
      const name = segments[1]!;
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) throw new RestError(405, 'PGRST101', 'Cannot use the ' + request.method + ' method on RPC');
      const argNames = new Set((cache.functions.get(tableKey(schema, name)) ?? []).flatMap((fn) => fn.args.map((a) => a.name)));
      const query = parseQuery(params, readOnly ? argNames : undefined);
      const payload = readOnly ? rpcPayload(query.args) : rpcPayload((await readBody(request)) ?? {});
      const { fn, singleJson } = findFunction(cache, schema, name, payload.keys);
      const root = query.levels.get('')!;
      applyRange(root, readOnly ? parseRangeHeader(request.header('range')) : undefined);
      const built = rpcSql(cache, query, fn, (singleJson ? payload.raw : payload.args) as Record<string, unknown>, singleJson, { count: prefs.count === 'exact' || prefs.count === 'estimated', singular, ...(maxRows ? { maxRows } : {}) });
      const row = await run(built.text, built.values);
      return rpcResponse(row, fn.returns === 'void', fn.returnsSet, root.offset ?? 0, singular, prefs);
    }
    if (segments.length !== 1) throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
    const table = findTable(cache, schema, segments[0]!);
    const query = parseQuery(params);
    const root = query.levels.get('')!;
    if (readOnly) {
      applyRange(root, parseRangeHeader(request.header('range')));
      const built = readSql(cache, query, table, { count: prefs.count, singular, stripNulls, csv, ...(maxRows ? { maxRows } : {}) });
      const response = readResponse(await run(built.text, built.values, built.after), root.offset ?? 0, singular, prefs);
      return csv ? { ...response, headers: { ...response.headers, 'content-type': 'text/csv; charset=utf-8' } } : response;
    }
    if (request.method === 'POST') {
      const body = await readBody(request);
      if (body === undefined) throw invalidBody('Empty or invalid json');
      const countInserted = prefs.resolution === 'merge-duplicates';
      const built = insertSql(cache, query, table, body, prefs, { singular, countInserted });
      const row = await run(built.text, built.values);
      return mutationResponse({ method: 'POST', row, prefs, singular, ...locationOf(table, row, prefs) });
    }
    if (request.method === 'PATCH') {
      const body = await readBody(request);
      const built = updateSql(cache, query, table, body ?? {}, { singular });
      return mutationResponse({ method: 'PATCH', row: await run(built.text, built.values), prefs, singular });
    }
    if (request.method === 'DELETE') {
      const built = deleteSql(cache, query, table, { singular });
      return mutationResponse({ method: 'DELETE', row: await run(built.text, built.values), prefs, singular });
    }
    throw new RestError(405, 'PGRST117', `Unsupported HTTP method: ${request.method}`);
  }

  return {
    handler: async (request) => {
      try {
        const response = await route(request);
        // Upstream echoes the schema in Content-Profile when the request negotiated one (`[pgrst] Response.hs profileHeader`).
        const profile = ['GET', 'HEAD'].includes(request.method) ? request.header('accept-profile') : request.header('content-profile');
        if (profile) response.headers = { ...response.headers, 'content-profile': profile };
        return response;
      } catch (error) {
        if (error instanceof RestError || error instanceof HttpError) return error.toResponse();
        context.log(`rest error on ${request.method} ${request.path}: ${(error as Error).stack ?? String(error)}`);
        return new RestError(500, 'PGRST000', 'localbase REST internal error', String((error as Error).message ?? error)).toResponse();
      }
    },
    reloadSchema: () => schemaCache.reload(),
    close: () => schemaCache.close(),
  };
}

/** A plain OPTIONS (not a CORS preflight, which the gateway answers) lists the allowed methods (`[pgrst] Response.hs respondInfo`). */
function options(cache: SchemaCache, schema: string, segments: string[]): ApiResponse {
  const allow = (methods: string) => ({ status: 200, headers: { allow: methods } });
  if (segments.length === 0) return allow('OPTIONS,GET,HEAD');
  if (segments.length === 2 && segments[0] === 'rpc') {
    const fns = cache.functions.get(tableKey(schema, segments[1]!));
    if (!fns) throw new RestError(404, 'PGRST125', 'Invalid path specified in request URL');
    return allow(fns.every((fn) => fn.volatility === 'v') ? 'OPTIONS,POST' : 'OPTIONS,GET,HEAD,POST');
  }
  // PUT (single-row upsert) is not served here: postgrest-js never sends it.
  findTable(cache, schema, segments[0]!);
  return allow('OPTIONS,GET,HEAD,POST,PATCH,DELETE');
}

/** `Location: /table?pk=eq.v` for `return=headers-only` (upstream builds it from the primary key). */
function locationOf(table: Table, row: ResultRow, prefs: { return?: string }): { location?: string } {
  if (prefs.return !== 'headers-only' || !table.primaryKey.length || !row.body) return {};
  const first = (JSON.parse(row.body) as Record<string, unknown>[] | Record<string, unknown>);
  const record = Array.isArray(first) ? first[0] : first;
  if (!record) return {};
  const query = table.primaryKey.map((k) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(record[k]))}`).join('&');
  return { location: `/${table.name}?${query}` };
}
