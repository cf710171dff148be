import type { Database } from '@/lib/database.types';

// What the kernel needs to know about one live table. Everything else (channel, gate, refetch, merge, store,
// optimistic echo, action wiring) is shared, so adding a live table is adding one of these.

type Tables = Database['public']['Tables'];

/**
 * Every live row carries the version its table's trigger bumps on each update, and belongs to one band through
 * its `bandColumn` (band_id, except on bands itself, where the band is the row's own id).
 */
export type LiveRow = { version: number };

/** The tables whose rows are live rows; the contract is checked for each published table by supabase/tests. */
export type TableName = { [Name in keyof Tables]: Tables[Name]['Row'] extends LiveRow ? Name : never }[keyof Tables];

export type LiveTable<Row extends LiveRow> = {
  table: TableName;
  /** The column holding the band's id, which filters the table's Realtime events and refetches; default band_id. */
  bandColumn?: keyof Row & string;
  /** Primary-key columns, in order; a DELETE under RLS carries only these. */
  key: ReadonlyArray<keyof Row & string>;
  /** Display order; must be total (end with a key column) so every device shows the same order. */
  compare: (a: Row, b: Row) => number;
};

export function defineLiveTable<Row extends LiveRow>(definition: LiveTable<Row>): LiveTable<Row> {
  if (definition.key.length === 0) throw new Error(`Live table ${definition.table} needs at least one key column.`);
  return definition;
}

export function bandColumnOf<Row extends LiveRow>(definition: LiveTable<Row>): string {
  return definition.bandColumn ?? 'band_id';
}

/**
 * The row's identity as one string. JSON of the key values, so composite keys such as (member, event) cannot
 * collide the way a joined string could. Undefined when a key column is missing (e.g. a DELETE without it).
 */
export function rowKey<Row extends LiveRow>(definition: LiveTable<Row>, row: Partial<Row>): string | undefined {
  const values: unknown[] = [];
  for (const column of definition.key) {
    const value = row[column];
    if (value === undefined || value === null) return undefined;
    values.push(value);
  }
  return JSON.stringify(values);
}

/** Only the key columns of a row, as a DELETE event or a "gone" action result carries them. */
export function keyColumns<Row extends LiveRow>(definition: LiveTable<Row>, row: Row): Partial<Row> {
  const key: Partial<Row> = {};
  for (const column of definition.key) key[column] = row[column];
  return key;
}
