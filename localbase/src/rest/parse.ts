import type { Level, Preferences, SelectItem } from './ast.ts';
import { parseError, RestError } from './errors.ts';
import { parseLogic, parseNonNegative, parseOperation, parseOrder, splitTopLevel, unquote } from './parse-filter.ts';
import { Cursor, parseJsonPath, parseName, parseSelect } from './parse-select.ts';

/** Everything a request's query string and headers say about the rows it wants. */
export interface ParsedQuery {
  select: SelectItem[];
  /** Filters and transforms per embed path: '' is the root, 'songs' or 'band.songs' an embedded resource. */
  levels: Map<string, Level>;
  columns?: string[];
  onConflict?: string[];
  /** GET /rpc/fn: parameters that name a function argument are arguments, not filters (`[pgrst] ApiRequest.hs`). */
  args: Record<string, string>;
}

const LOGIC_KEY = /^(?:(.+)\.)?(or|and)$/;
const TRANSFORM_KEY = /^(?:(.+)\.)?(order|limit|offset)$/;

export function levelOf(levels: Map<string, Level>, path: string): Level {
  let level = levels.get(path);
  if (!level) levels.set(path, (level = { filters: [], order: [] }));
  return level;
}

export function parseQuery(params: Iterable<[string, string]>, argNames?: ReadonlySet<string>): ParsedQuery {
  const query: ParsedQuery = { select: [{ kind: 'star' }], levels: new Map([['', { filters: [], order: [] }]]), args: {} };
  for (const [key, value] of params) {
    if (argNames?.has(key)) {
      query.args[key] = value;
      continue;
    }
    if (key === 'select') query.select = parseSelect(value);
    else if (key === 'columns') query.columns = parseColumnList(value, 'columns');
    else if (key === 'on_conflict') query.onConflict = parseColumnList(value, 'on_conflict');
    else if (TRANSFORM_KEY.test(key)) {
      const [, path = '', what] = TRANSFORM_KEY.exec(key)!;
      const level = levelOf(query.levels, path);
      if (what === 'order') level.order.push(...parseOrder(value));
      else level[what as 'limit' | 'offset'] = parseNonNegative(value, what as 'limit' | 'offset');
    } else if (LOGIC_KEY.test(key)) {
      const [, prefix = '', op] = LOGIC_KEY.exec(key)!;
      // `not.or=` / `songs.not.and=`: the `not` belongs to the operator, not to the embed path.
      const not = prefix === 'not' || prefix.endsWith('.not');
      const path = not ? prefix.slice(0, -4).replace(/\.$/, '') : prefix;
      levelOf(query.levels, path).filters.push(parseLogic(op as 'and' | 'or', not, value));
    } else {
      const { path, field } = parseFilterKey(key);
      const { negate, operation } = parseOperation(value);
      levelOf(query.levels, path).filters.push({ kind: 'condition', field, negate, operation });
    }
  }
  return query;
}

/** `band.songs.title` → path `band.songs`, field `title`; a JSON path may follow: `meta->>a`. */
function parseFilterKey(key: string): { path: string; field: { name: string; json: ReturnType<typeof parseJsonPath> } } {
  const arrow = key.indexOf('->');
  const head = arrow < 0 ? key : key.slice(0, arrow);
  const dot = head.startsWith('"') ? -1 : head.lastIndexOf('.');
  const path = dot < 0 ? '' : head.slice(0, dot);
  const cur = new Cursor(key.slice(dot + 1), 'filter key');
  const name = parseName(cur);
  const json = parseJsonPath(cur);
  if (!cur.done()) cur.fail('expecting "->" or end of input');
  return { path, field: { name, json } };
}

/** `columns="a","b"` / `on_conflict=a,b`: a comma list of (optionally quoted) column names. */
function parseColumnList(value: string, what: string): string[] {
  const names = splitTopLevel(value, value).map((name) => unquote(name.trim()));
  if (names.some((name) => name === '')) throw parseError(`"failed to parse ${what} parameter (${value})" (line 1, column 1)`, 'unexpected ","');
  return names;
}

const PREFER_VALUES: Record<string, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  handling: ['strict', 'lenient'],
  // Recognised, never applied: Supabase runs PostgREST with the default `db-tx-end = commit`, which ignores `tx`
  // (`[pgrst] ApiRequest/Preferences.hs fromHeaders`, allowTxDbOverride) yet still counts it as a valid preference.
  tx: ['commit', 'rollback'],
  // Deprecated upstream and not served here, but still a valid preference, so `handling=strict` does not refuse it.
  params: ['single-object'],
};

/**
 * `Prefer: return=representation, count=exact` (joined with ", " by postgrest-js), as
 * `[pgrst] ApiRequest/Preferences.hs fromHeaders`: the first value of a preference wins, and every token that is not
 * an accepted `name=value` (nor `max-affected=…`) is collected in `invalid`, for `handling=strict` (PGRST122).
 */
export function parsePrefer(header: string | undefined): Preferences {
  const invalid: string[] = [];
  const prefs: Preferences = { invalid };
  const chosen = prefs as unknown as Record<string, string>;
  for (const token of (header ?? '').split(',').map((part) => part.trim())) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const [name, value] = eq < 0 ? [token, ''] : [token.slice(0, eq), token.slice(eq + 1)];
    if (name === 'max-affected') {
      if (prefs.maxAffected === undefined && /^\d+$/.test(value)) prefs.maxAffected = Number(value);
    } else if (PREFER_VALUES[name]?.includes(value)) {
      chosen[name] ??= value;
    } else invalid.push(token);
  }
  return prefs;
}

/** PGRST122: `handling=strict` refuses preferences it cannot honour (`[pgrst] Error.hs InvalidPreferences`). */
export function checkStrictPreferences(prefs: Preferences): void {
  if (prefs.handling !== 'strict' || !prefs.invalid?.length) return;
  throw new RestError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${prefs.invalid.join(', ')}`);
}

/** `Range: 0-9` (items), as `[pgrst] RangeQuery.hs`; limit/offset params narrow it further. */
export function parseRangeHeader(header: string | undefined): { offset: number; limit?: number } | undefined {
  const match = header && /^\s*(?:items=)?(\d+)-(\d*)\s*$/.exec(header);
  if (!match) return undefined;
  const low = Number(match[1]);
  if (match[2] === '') return { offset: low };
  const high = Number(match[2]);
  if (high < low) throw new RestError(416, 'PGRST103', 'Requested range not satisfiable', `The lower boundary must be lower than or equal to the upper boundary in the Range header.`);
  return { offset: low, limit: high - low + 1 };
}

/** Intersects the Range header with the root's limit/offset. */
export function applyRange(level: Level, range: { offset: number; limit?: number } | undefined): void {
  if (!range) return;
  const offset = Math.max(range.offset, level.offset ?? 0);
  const ends = [range.limit === undefined ? Infinity : range.offset + range.limit, level.limit === undefined ? Infinity : (level.offset ?? 0) + level.limit];
  const end = Math.min(...ends);
  level.offset = offset;
  if (end !== Infinity) level.limit = Math.max(0, end - offset);
}
