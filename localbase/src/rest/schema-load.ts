import type pg from 'pg';

export interface Column {
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface Table {
  schema: string;
  name: string;
  isView: boolean;
  /** In attnum order, so `*` renders columns as PostgreSQL would. */
  columns: Map<string, Column>;
  /** Computed fields: scalar functions whose one required argument is this table's row (`fn(t table)`). */
  computed: Map<string, DbFunction>;
  primaryKey: string[];
  /** Primary key and unique constraints: a to-one test for the referencing side of a foreign key. */
  uniqueKeys: string[][];
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
}

export interface FunctionArg {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface DbFunction {
  schema: string;
  name: string;
  args: FunctionArg[];
  returnsSet: boolean;
  returnType: string;
  /** `composite` rows are filterable like a table; `scalar` values render as bare JSON. */
  returns: 'void' | 'scalar' | 'composite';
  /** Known output columns of a composite result (table type or OUT parameters). */
  returnColumns?: string[];
  /** The table whose row type is returned, so results can embed through its foreign keys. */
  returnTable?: Table;
  volatility: 'i' | 's' | 'v';
}

export interface SchemaCache {
  tables: Map<string, Table>;
  foreignKeys: ForeignKey[];
  functions: Map<string, DbFunction[]>;
  /** `ALTER ROLE … SET` settings that PostgREST applies itself after switching role. */
  roleSettings: Map<string, [string, string][]>;
}

export const tableKey = (schema: string, name: string) => `${schema}.${name}`;

const TABLES_SQL = `
select n.nspname as schema, c.relname as name, c.relkind in ('v', 'm') as is_view,
  coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
    'nullable', not a.attnotnull, 'hasDefault', a.atthasdef or a.attidentity <> '' or a.attgenerated <> '')
    order by a.attnum) filter (where a.attnum is not null), '[]') as columns
from pg_class c join pg_namespace n on n.oid = c.relnamespace
left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.relkind in ('r', 'v', 'm', 'f', 'p') and n.nspname = any($1)
group by n.nspname, c.relname, c.relkind`;

const CONSTRAINTS_SQL = `
select con.conname as name, con.contype as type, n.nspname as schema, c.relname as table,
  array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord)::text[] as columns,
  fn.nspname as ref_schema, fc.relname as ref_table,
  array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord)::text[] as ref_columns
from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
left join pg_class fc on fc.oid = con.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace
where con.contype in ('p', 'u', 'f') and n.nspname = any($1)`;

const FUNCTIONS_SQL = `
select n.nspname as schema, p.proname as name, p.proretset as returns_set, p.provolatile as volatility,
  format_type(p.prorettype, null) as return_type, t.typtype as return_typtype, p.pronargs as nargs,
  p.pronargdefaults as ndefaults, coalesce(p.proargnames, '{}')::text[] as arg_names,
  coalesce(p.proargmodes::text[], '{}') as arg_modes,
  array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(x, o) order by o)::text[] as arg_types,
  rn.nspname as return_schema, rc.relname as return_table,
  (select an.nspname || '.' || ac.relname from pg_type at join pg_class ac on ac.oid = at.typrelid
    join pg_namespace an on an.oid = ac.relnamespace where p.pronargs > 0 and at.oid = p.proargtypes[0]) as first_arg_table
from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
left join pg_class rc on rc.oid = t.typrelid left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1) and p.prokind = 'f'`;

const ROLE_SETTINGS_SQL = `
select r.rolname as role, s.setconfig as settings from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))`;

/** Base tables each exposed view reads, with the base columns it uses (for relationships through views). */
const VIEW_USAGE_SQL = `
select u.view_schema, u.view_name, u.table_schema, u.table_name, array_agg(u.column_name::text) as columns
from information_schema.view_column_usage u where u.view_schema = any($1)
group by u.view_schema, u.view_name, u.table_schema, u.table_name`;

/** One read of pg_catalog through the superuser pool (never a user's connection). */
export async function loadSchema(pool: pg.Pool, schemas: string[]): Promise<SchemaCache> {
  const [tables, constraints, functions, roles, views] = await Promise.all([
    pool.query(TABLES_SQL, [schemas]),
    pool.query(CONSTRAINTS_SQL, [schemas]),
    pool.query(FUNCTIONS_SQL, [schemas]),
    pool.query(ROLE_SETTINGS_SQL),
    pool.query(VIEW_USAGE_SQL, [schemas]),
  ]);
  const cache: SchemaCache = { tables: new Map(), foreignKeys: [], functions: new Map(), roleSettings: new Map() };
  for (const row of tables.rows) {
    const columns = new Map((row.columns as Column[]).map((column) => [column.name, column]));
    cache.tables.set(tableKey(row.schema, row.name), { schema: row.schema, name: row.name, isView: row.is_view, columns, computed: new Map(), primaryKey: [], uniqueKeys: [] });
  }
  for (const row of constraints.rows) {
    const table = cache.tables.get(tableKey(row.schema, row.table));
    if (row.type === 'p' && table) table.primaryKey = row.columns;
    if ((row.type === 'p' || row.type === 'u') && table) table.uniqueKeys.push(row.columns);
    if (row.type === 'f') {
      cache.foreignKeys.push({
        name: row.name, schema: row.schema, table: row.table, columns: row.columns,
        refSchema: row.ref_schema, refTable: row.ref_table, refColumns: row.ref_columns,
      });
    }
  }
  addViewRelationships(cache, views.rows);
  for (const row of functions.rows) {
    const fn = toFunction(row, cache);
    const rowOf = row.first_arg_table ? cache.tables.get(row.first_arg_table) : undefined;
    // PostgREST's computed fields: `select=full_name` calls full_name(t) (`[pgrst] docs computed_fields`).
    if (rowOf && fn.returns === 'scalar' && !fn.returnsSet && fn.args.slice(1).every((a) => a.hasDefault) && !rowOf.columns.has(fn.name)) {
      rowOf.computed.set(fn.name, fn);
    }
    const key = tableKey(fn.schema, fn.name);
    cache.functions.set(key, [...(cache.functions.get(key) ?? []), fn]);
  }
  for (const row of roles.rows) {
    const settings = (row.settings as string[]).map((entry) => {
      const eq = entry.indexOf('=');
      return [entry.slice(0, eq), entry.slice(eq + 1)] as [string, string];
    });
    cache.roleSettings.set(row.role, settings);
  }
  return cache;
}

interface ViewUsageRow {
  view_schema: string; view_name: string; table_schema: string; table_name: string; columns: string[];
}

/**
 * PostgREST infers a view's relationships from its base tables (`[pgrst] SchemaCache.hs` view key dependencies).
 * localbase covers the common case conservatively: a view reading exactly one table, whose columns keep the base
 * columns' names, inherits that table's primary key and the foreign keys in both directions.
 */
function addViewRelationships(cache: SchemaCache, rows: ViewUsageRow[]): void {
  const perView = new Map<string, ViewUsageRow[]>();
  for (const row of rows) perView.set(tableKey(row.view_schema, row.view_name), [...(perView.get(tableKey(row.view_schema, row.view_name)) ?? []), row]);
  const baseFks = [...cache.foreignKeys];
  for (const [key, usages] of perView) {
    const view = cache.tables.get(key);
    if (!view || usages.length !== 1) continue;
    const usage = usages[0]!;
    const base = cache.tables.get(tableKey(usage.table_schema, usage.table_name));
    if (!base) continue;
    const kept = (columns: string[]) => columns.every((c) => view.columns.has(c) && usage.columns.includes(c));
    if (base.primaryKey.length && kept(base.primaryKey)) {
      view.primaryKey = base.primaryKey;
      view.uniqueKeys.push(base.primaryKey);
    }
    for (const fk of baseFks) {
      if (fk.schema === base.schema && fk.table === base.name && kept(fk.columns)) cache.foreignKeys.push({ ...fk, schema: view.schema, table: view.name });
      if (fk.refSchema === base.schema && fk.refTable === base.name && kept(fk.refColumns)) cache.foreignKeys.push({ ...fk, refSchema: view.schema, refTable: view.name });
    }
  }
}

interface FunctionRow {
  schema: string; name: string; returns_set: boolean; volatility: 'i' | 's' | 'v'; return_type: string; return_typtype: string;
  nargs: number; ndefaults: number; arg_names: string[]; arg_modes: string[]; arg_types: string[];
  return_schema: string | null; return_table: string | null; first_arg_table: string | null;
}

function toFunction(row: FunctionRow, cache: SchemaCache): DbFunction {
  const modes = row.arg_modes.length ? row.arg_modes : row.arg_types.map(() => 'i');
  const args: FunctionArg[] = [];
  const outs: string[] = [];
  modes.forEach((mode, i) => {
    const name = row.arg_names[i] ?? '';
    if (mode === 'i' || mode === 'b' || mode === 'v') args.push({ name, type: row.arg_types[i]!, hasDefault: false });
    if (mode === 'o' || mode === 'b' || mode === 't') outs.push(name);
  });
  args.slice(args.length - row.ndefaults).forEach((arg) => (arg.hasDefault = true));
  const fn: DbFunction = {
    schema: row.schema, name: row.name, args, returnsSet: row.returns_set, returnType: row.return_type,
    returns: row.return_type === 'void' ? 'void' : row.return_typtype === 'c' || row.return_type === 'record' ? 'composite' : 'scalar',
    volatility: row.volatility,
  };
  if (outs.length) fn.returnColumns = outs;
  else if (row.return_table) {
    const table = cache.tables.get(tableKey(row.return_schema!, row.return_table));
    if (table) {
      fn.returnColumns = [...table.columns.keys()];
      fn.returnTable = table;
    }
  }
  return fn;
}
