import { invalidBody, RestError } from './errors.ts';
import type { ParsedQuery } from './parse.ts';
import { suggestName } from './schema-cache.ts';
import { tableKey, type DbFunction, type SchemaCache } from './schema-load.ts';
import { ident, qualified, Statement, type Scope } from './sql-common.ts';
import { orderSql, pageSql } from './sql-filter.ts';
import { projection, resultSql, type BuiltQuery } from './sql-read.ts';
import { whereSql } from './sql-select.ts';

/**
 * `/rpc/fn`: named arguments only, matched against the schema cache's overloads
 * (`[pgrst] src/PostgREST/Plan.hs findProc`); values reach the call through json_to_record, typed by the
 * function's own argument types, as upstream's `callProcQuery`.
 */
const isJsonType = (type: string) => type === 'json' || type === 'jsonb';

export interface RpcPayload {
  /** What a single unnamed json/jsonb parameter receives: the body as sent (upstream's raw payload). */
  raw: unknown;
  /** The argument names the body supplies, for overload resolution. */
  keys: string[];
  /** The named arguments. */
  args: Record<string, unknown>;
}

/**
 * The RPC body as `[pgrst] ApiRequest/Payload.hs payloadAttributes` reads it: an object's keys are the arguments; an
 * array of objects that all have the same keys supplies those keys, and its first object the values (upstream calls
 * through `json_to_recordset(…) LIMIT 1`); any other array is PGRST102; a scalar counts as an empty array.
 */
export function rpcPayload(body: unknown): RpcPayload {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return { raw: body, keys: Object.keys(body), args: body as Record<string, unknown> };
  if (!Array.isArray(body) || body.length === 0) return { raw: [], keys: [], args: {} };
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const first = body[0] as unknown;
  if (!isObject(first)) throw invalidBody('All object keys must match');
  const keys = Object.keys(first);
  const sameKeys = (v: unknown) => isObject(v) && Object.keys(v).length === keys.length && keys.every((k) => k in v);
  if (!body.every(sameKeys)) throw invalidBody('All object keys must match');
  return { raw: body, keys, args: first };
}

export function findFunction(cache: SchemaCache, schema: string, name: string, argNames: string[]): { fn: DbFunction; singleJson: boolean } {
  const overloads = cache.functions.get(tableKey(schema, name)) ?? [];
  const given = new Set(argNames);
  const matches = overloads.filter(
    (fn) => fn.args.every((arg) => arg.hasDefault || given.has(arg.name)) && argNames.every((n) => fn.args.some((arg) => arg.name === n)),
  );
  if (matches.length === 1) return { fn: matches[0]!, singleJson: false };
  if (matches.length > 1) {
    throw new RestError(300, 'PGRST203', `Could not choose the best candidate function between: ${matches.map((fn) => `${schema}.${name}(${fn.args.map((a) => `${a.name} => ${a.type}`).join(', ')})`).join(', ')}`, null, 'Try renaming the parameters or the function itself in the database so function overloading can be resolved');
  }
  // A single unnamed json/jsonb parameter takes the whole body (upstream's fallback).
  const single = overloads.find((fn) => fn.args.length === 1 && fn.args[0]!.name === '' && isJsonType(fn.args[0]!.type));
  if (single) return { fn: single, singleJson: true };
  const sorted = [...argNames].sort();
  const signature = sorted.length ? `(${sorted.join(', ')})` : ' without parameters';
  const withParams = sorted.length ? ` with parameters ${sorted.join(', ')}` : ' without parameters';
  const suggestion = suggestName(name, [...cache.functions.keys()].filter((k) => k.startsWith(`${schema}.`)).map((k) => k.slice(schema.length + 1)));
  throw new RestError(
    404, 'PGRST202', `Could not find the function ${schema}.${name}${signature} in the schema cache`,
    `Searched for the function ${schema}.${name}${withParams} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
    suggestion && suggestion !== name ? `Perhaps you meant to call the function ${schema}.${suggestion}` : null,
  );
}

export interface RpcOptions {
  count: boolean;
  singular: boolean;
  maxRows?: number;
}

export function rpcSql(cache: SchemaCache, query: ParsedQuery, fn: DbFunction, args: Record<string, unknown>, singleJson: boolean, options: RpcOptions): BuiltQuery {
  const statement = new Statement(cache, query.levels);
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    if (!singleJson) throw invalidBody('Expected a JSON object with the function arguments');
  }
  const target = qualified(fn.schema, fn.name);
  let call: string;
  if (singleJson) call = `${target}(${statement.param(JSON.stringify(args))}::${fn.args[0]!.type})`;
  else {
    const used = fn.args.filter((arg) => arg.name in args);
    const record = used.map((arg) => `${ident(arg.name)} ${arg.type}`).join(', ');
    const named = used.map((arg) => `${ident(arg.name)} := "pgrst_args".${ident(arg.name)}`).join(', ');
    const source = used.length ? ` from json_to_record(${statement.param(JSON.stringify(args))}::json) as "pgrst_args"(${record})` : '';
    call = `${target}(${named})`;
    if (source) call = `(select ${call}${source})`;
    // A set-returning call cannot sit in a scalar subquery; such calls read from the record with a lateral join below.
    if (fn.returnsSet && used.length) call = `${target}(${named})`;
    if (fn.returnsSet) return setSql(statement, query, fn, call, source, options);
  }
  if (fn.returns === 'void') return { text: `select null::bigint as total, 0 as page_total, null::text as body, ${call} as pgrst_void`, values: statement.params };
  if (fn.returns === 'scalar') return { text: `select null::bigint as total, 1 as page_total, coalesce(to_json(${call})::text, 'null') as body`, values: statement.params };
  // A single composite row renders as an object (upstream's "single" function result), null as null.
  return { text: `select null::bigint as total, 1 as page_total, coalesce(to_json(${call})::text, 'null') as body`, values: statement.params };
}

function setSql(statement: Statement, query: ParsedQuery, fn: DbFunction, call: string, source: string, options: RpcOptions): BuiltQuery {
  const alias = ident(fn.name);
  const from = source ? `${source}, lateral ${call} as ${alias}` : ` from ${call} as ${alias}`;
  const root = query.levels.get('')!;
  const limit = options.maxRows ? Math.min(root.limit ?? options.maxRows, options.maxRows) : root.limit;
  if (fn.returns === 'scalar') {
    const scope: Scope = { alias, label: fn.name, columns: new Set([fn.name]) };
    const where = whereSql(statement, scope, root.filters, []);
    const rows = `select ${alias} as "pgrst_scalar"${from}${where}${orderSql(statement, scope, root.order)}${pageSql(statement, limit, root.offset)}`;
    const text = `select ${options.count ? `(select count(*)${from}${where})` : 'null::bigint'} as total, count(*) as page_total, coalesce(json_agg("pgrst_r"."pgrst_scalar"), '[]')::text as body from (${rows}) as "pgrst_r"`;
    return { text, values: statement.params };
  }
  const scope: Scope = { alias, label: fn.name, ...(fn.returnColumns ? { columns: new Set(fn.returnColumns) } : {}), ...(fn.returnTable ? { computed: fn.returnTable.computed } : {}) };
  const { columns, conditions, related } = projection(statement, scope, fn.returnTable, query.select);
  const where = whereSql(statement, scope, root.filters, conditions);
  const rows = `select ${columns}${from}${where}${orderSql(statement, scope, root.order, { parent: fn.name, embeds: related })}${pageSql(statement, limit, root.offset)}`;
  const text = resultSql(rows, { singular: options.singular, ...(options.count ? { countSql: `(select count(*)${from}${where})` } : {}) });
  return { text, values: statement.params };
}
