/**
 * postgres_changes filters, the set every Realtime release supports: `column=op.value` with eq, neq, lt, lte, gt,
 * gte and in (RT `subscriptions.ex` `parse_subscription_params/1`, migration `20230128025114_add_in_op_to_filters`).
 * Values are compared after converting both sides by the column's type, as
 * `realtime.check_equality_op` casts them; a filter column missing from the WAL record fails closed.
 */

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface ParsedFilter {
  column: string;
  op: FilterOp;
  /** One value, or the list for `in`. */
  value: string | string[];
}

const OPS = new Set<FilterOp>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);
const MAX_IN_VALUES = 100;

export class FilterError extends Error {
  override name = 'FilterError';
}

export function parseFilter(filter: string): ParsedFilter {
  if (filter === 'undefined') throw new FilterError('Error parsing `filter` params: ["undefined"]');
  const equals = filter.indexOf('=');
  const column = equals > 0 ? filter.slice(0, equals).trim() : '';
  const rest = equals > 0 ? filter.slice(equals + 1) : '';
  const dot = rest.indexOf('.');
  const op = (dot > 0 ? rest.slice(0, dot) : '') as FilterOp;
  const raw = dot > 0 ? rest.slice(dot + 1) : '';
  if (!column || !OPS.has(op)) throw new FilterError(`Error parsing \`filter\` params: ${JSON.stringify([column || filter, rest])}`);
  if (op !== 'in') return { column, op, value: raw };
  if (!raw.startsWith('(') || !raw.endsWith(')')) throw new FilterError('`in` filter value must be wrapped by parentheses');
  const values = splitList(raw.slice(1, -1));
  if (values.length > MAX_IN_VALUES) throw new FilterError(`Too many values for \`in\` filter. Maximum is ${MAX_IN_VALUES}`);
  return { column, op, value: values };
}

/** Splits `a,b,"c,d"` with PostgREST's quoting (double quotes, backslash escapes). */
function splitList(text: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '\\' && i + 1 < text.length) current += text[++i];
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      values.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '' || values.length > 0) values.push(current.trim());
  return values;
}

const NUMERIC = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const TEMPORAL = new Set(['timestamp', 'timestamptz', 'date']);

/** Orders two values of the column's type: numbers numerically, booleans as PostgreSQL does, times by instant. */
function compare(type: string, left: string, right: string): number | undefined {
  if (NUMERIC.has(type)) {
    const a = Number(left);
    const b = Number(right);
    return Number.isNaN(a) || Number.isNaN(b) ? undefined : a - b;
  }
  if (type === 'bool') {
    const a = toBool(left);
    const b = toBool(right);
    return a === undefined || b === undefined ? undefined : Number(a) - Number(b);
  }
  if (TEMPORAL.has(type)) {
    const a = Date.parse(normaliseTime(left));
    const b = Date.parse(normaliseTime(right));
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  }
  if (type === 'uuid') return left.toLowerCase() === right.toLowerCase() ? 0 : left.toLowerCase() < right.toLowerCase() ? -1 : 1;
  return left === right ? 0 : left < right ? -1 : 1;
}

function toBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['t', 'true', 'yes', 'on', '1', 'y'].includes(v)) return true;
  if (['f', 'false', 'no', 'off', '0', 'n'].includes(v)) return false;
  return undefined;
}

function normaliseTime(value: string): string {
  const iso = value.trim().replace(' ', 'T');
  if (/^\d{4}-\d\d-\d\d$/.test(iso)) return `${iso}T00:00:00Z`;
  if (/[zZ]$/.test(iso)) return iso;
  if (/T.*[+-]\d\d$/.test(iso)) return `${iso}:00`;
  if (/T.*[+-]\d\d:?\d\d$/.test(iso)) return iso;
  return `${iso}Z`;
}

/**
 * True when the row (column → PostgreSQL text value, null for SQL NULL) passes the filter. NULL never matches,
 * as in SQL; a column absent from the record fails closed (`realtime.is_visible_through_filters`).
 */
export function rowMatches(filter: ParsedFilter, row: Record<string, string | null | undefined>, typeOf: (column: string) => string | undefined): boolean {
  if (!(filter.column in row)) return false;
  const cell = row[filter.column];
  if (cell === null || cell === undefined) return false;
  const type = typeOf(filter.column) ?? 'text';
  if (filter.op === 'in') return (filter.value as string[]).some((value) => compare(type, cell, value) === 0);
  const order = compare(type, cell, filter.value as string);
  if (order === undefined) return false;
  switch (filter.op) {
    case 'eq':
      return order === 0;
    case 'neq':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
  }
}
