/**
 * The `postgres_changes` data object: values as JSON, the way upstream's `realtime.cast`
 * (text → column type → jsonb) renders them, and columns as `{name, type}` with the pg `typname`.
 * WAL values arrive as PostgreSQL text output (the replication session runs with DateStyle ISO, TimeZone UTC).
 */

import type { Column, TextRow, WalChange } from './replication.ts';
import type { RelationMeta } from './rls-check.ts';

const INTEGER = new Set(['int2', 'int4', 'int8', 'oid']);
const FLOAT = new Set(['float4', 'float8', 'numeric']);

/** One PostgreSQL text value → the JSON value `to_jsonb(value::type)` produces. Unknown types stay strings. */
export function castValue(type: string, text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  if (type.startsWith('_')) {
    const parsed = parseArrayLiteral(text);
    return parsed === undefined ? text : mapArray(parsed, (item) => castValue(type.slice(1), item));
  }
  if (INTEGER.has(type)) return Number(text);
  if (FLOAT.has(type)) {
    // to_jsonb keeps NaN and ±Infinity as strings; everything else is a JSON number.
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (type === 'bool') return text === 't' || text === 'true';
  if (type === 'json' || type === 'jsonb') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  if (type === 'timestamptz') return text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  if (type === 'timestamp') return text.replace(' ', 'T');
  return text;
}

type Nested = string | null | Nested[];

function mapArray(value: Nested[], cast: (item: string | null) => unknown): unknown[] {
  return value.map((item) => (Array.isArray(item) ? mapArray(item, cast) : cast(item)));
}

/** Parses a PostgreSQL array literal (`{1,2}`, `{"a b",NULL}`, `{{1,2},{3,4}}`); undefined if it is not one. */
export function parseArrayLiteral(text: string): Nested[] | undefined {
  let index = 0;
  const parseLevel = (): Nested[] | undefined => {
    if (text[index] !== '{') return undefined;
    index++;
    const items: Nested[] = [];
    if (text[index] === '}') {
      index++;
      return items;
    }
    for (;;) {
      if (text[index] === '{') {
        const inner = parseLevel();
        if (!inner) return undefined;
        items.push(inner);
      } else if (text[index] === '"') {
        index++;
        let value = '';
        while (index < text.length && text[index] !== '"') {
          if (text[index] === '\\') index++;
          value += text[index++];
        }
        index++;
        items.push(value);
      } else {
        let value = '';
        while (index < text.length && text[index] !== ',' && text[index] !== '}') value += text[index++];
        items.push(value === 'NULL' ? null : value);
      }
      if (text[index] === ',') index++;
      else if (text[index] === '}') {
        index++;
        return items;
      } else return undefined;
    }
  };
  // A leading dimension decoration (`[0:1]={...}`) is legal but rare; keep such values as text.
  const result = parseLevel();
  return result && index === text.length ? result : undefined;
}

export function castRow(columns: Column[], row: TextRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of columns) {
    if (column.name in row && row[column.name] !== undefined) record[column.name] = castValue(column.type, row[column.name]);
  }
  return record;
}

/** `YYYY-MM-DDTHH:MM:SS.MSSZ` in UTC. */
export function commitTimestamp(date: Date): string {
  return date.toISOString();
}

/**
 * The `data` object for one role, as JSON: columns it may SELECT, records trimmed to them, as RT
 * `realtime.apply_rls` does; undefined when the role does not exist.
 */
export function encodeData(change: WalChange, meta: RelationMeta, selectable: Set<string> | undefined, noPk: boolean): string | undefined {
  const base = { schema: change.schema, table: change.table, commit_timestamp: commitTimestamp(change.commitTime), type: change.type };
  if (noPk) return JSON.stringify({ ...base, errors: ['Error 400: Bad Request, no primary key'] });
  if (!selectable) return undefined;
  if (change.type !== 'DELETE' && !meta.primaryKey.every((column) => selectable.has(column))) return JSON.stringify({ ...base, errors: ['Error 401: Unauthorized'] });
  const columns: Column[] = meta.columns.filter((column) => selectable.has(column.name));
  const data: Record<string, unknown> = { ...base, columns, errors: null };
  if (change.record) data.record = castRow(columns, change.record);
  if (change.type !== 'INSERT') {
    // With RLS on, a DELETE's old record is reduced to the primary key, even under REPLICA IDENTITY FULL (7.5).
    const oldColumns = change.type === 'DELETE' && meta.rlsEnabled ? columns.filter((c) => meta.primaryKey.includes(c.name)) : columns;
    data.old_record = castRow(oldColumns, oldIdentity(change, meta));
  }
  return JSON.stringify(data);
}

/** FULL identity: the whole old row. DEFAULT: only the key columns of the old row, or of the new one if unchanged. */
function oldIdentity(change: WalChange, meta: RelationMeta): TextRow {
  if (change.replicaIdentity === 'full' && change.oldRecord) return change.oldRecord;
  const source = change.oldRecord ?? change.record ?? {};
  const keys = change.identityColumns.length > 0 ? change.identityColumns : meta.primaryKey;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
