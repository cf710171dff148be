import type { EmbedItem } from './ast.ts';
import { RestError } from './errors.ts';
import { tableKey, type ForeignKey, type SchemaCache, type Table } from './schema-load.ts';
import { ident } from './sql-common.ts';

/**
 * How an embedded resource joins its parent (`[pgrst] src/PostgREST/Plan.hs findRel`): many-to-one and
 * one-to-one render an object or null, one-to-many and many-to-many (through a junction table) an array.
 */
export interface Relationship {
  target: Table;
  toOne: boolean;
  cardinality: 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';
  fk: ForeignKey;
  junction?: { table: Table; source: ForeignKey; target: ForeignKey };
  /** The join condition between the parent alias and the embedded alias (both quoted). */
  join(parent: string, child: string): string;
}

const sameCols = (a: string[], b: string[]) => a.length === b.length && a.every((c) => b.includes(c));
const pairs = (left: string, lc: string[], right: string, rc: string[]) => lc.map((c, i) => `${left}.${ident(c)} = ${right}.${ident(rc[i]!)}`).join(' and ');

function manyToOne(fk: ForeignKey, target: Table): Relationship {
  return { target, toOne: true, cardinality: 'many-to-one', fk, join: (p, c) => pairs(c, fk.refColumns, p, fk.columns) };
}

function oneToMany(fk: ForeignKey, target: Table): Relationship {
  const unique = target.uniqueKeys.some((key) => sameCols(key, fk.columns));
  return { target, toOne: unique, cardinality: unique ? 'one-to-one' : 'one-to-many', fk, join: (p, c) => pairs(c, fk.columns, p, fk.refColumns) };
}

function manyToMany(junction: Table, source: ForeignKey, toTarget: ForeignKey, target: Table): Relationship {
  const j = ident(`pgrst_j_${junction.name}`);
  return {
    target, toOne: false, cardinality: 'many-to-many', fk: toTarget, junction: { table: junction, source, target: toTarget },
    join: (p, c) =>
      `exists (select 1 from ${ident(junction.schema)}.${ident(junction.name)} as ${j} where ${pairs(j, source.columns, p, source.refColumns)} and ${pairs(j, toTarget.columns, c, toTarget.refColumns)})`,
  };
}

function matchesHint(rel: Relationship, hint: string): boolean {
  const fks = rel.junction ? [rel.junction.source, rel.junction.target] : [rel.fk];
  if (rel.junction?.table.name === hint) return true;
  return fks.some((fk) => fk.name === hint || fk.columns.includes(hint) || fk.refColumns.includes(hint));
}

function candidates(cache: SchemaCache, parent: Table, name: string): Relationship[] {
  const found: Relationship[] = [];
  const isParent = (schema: string, table: string) => schema === parent.schema && table === parent.name;
  const table = (schema: string, t: string) => cache.tables.get(tableKey(schema, t));
  for (const fk of cache.foreignKeys) {
    const ref = table(fk.refSchema, fk.refTable);
    const own = table(fk.schema, fk.table);
    if (!ref || !own) continue;
    // Many-to-one, by target table name or (as upstream allows) by the FK's column or constraint name.
    if (isParent(fk.schema, fk.table) && (fk.refTable === name || fk.name === name || (fk.columns.length === 1 && fk.columns[0] === name))) found.push(manyToOne(fk, ref));
    if (isParent(fk.refSchema, fk.refTable) && fk.table === name) found.push(oneToMany(fk, own));
  }
  // Many-to-many: a junction whose FKs point at the parent and at `name`, the FK columns being part of its primary key.
  for (const source of cache.foreignKeys) {
    if (!isParent(source.refSchema, source.refTable)) continue;
    const junction = table(source.schema, source.table);
    if (!junction || isParent(junction.schema, junction.name)) continue;
    for (const toTarget of cache.foreignKeys) {
      if (toTarget === source || toTarget.schema !== junction.schema || toTarget.table !== junction.name || toTarget.refTable !== name) continue;
      const target = table(toTarget.refSchema, toTarget.refTable);
      const pk = junction.primaryKey;
      if (target && [...source.columns, ...toTarget.columns].every((c) => pk.includes(c))) found.push(manyToMany(junction, source, toTarget, target));
    }
  }
  return found;
}

export function resolveRelationship(cache: SchemaCache, parent: Table, embed: EmbedItem): Relationship {
  let found = candidates(cache, parent, embed.name);
  if (embed.hint !== undefined) found = found.filter((rel) => matchesHint(rel, embed.hint!));
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    const using = embed.hint !== undefined ? ` using the hint '${embed.hint}'` : '';
    throw new RestError(
      400, 'PGRST200', `Could not find a relationship between '${parent.name}' and '${embed.name}' in the schema cache`,
      `Searched for a foreign key relationship between '${parent.name}' and '${embed.name}'${using} in the schema '${parent.schema}', but no matches were found.`,
    );
  }
  const details = found.map((rel) => ({
    cardinality: rel.cardinality,
    embedding: `${parent.name} with ${rel.target.name}`,
    relationship: rel.junction ? `${rel.junction.table.name} using ${rel.junction.source.name} and ${rel.junction.target.name}` : `${rel.fk.name} using ${rel.fk.table}(${rel.fk.columns.join(', ')}) and ${rel.fk.refTable}(${rel.fk.refColumns.join(', ')})`,
  }));
  const hints = found.map((rel) => `'${embed.name}!${rel.junction ? rel.junction.table.name : rel.fk.name}'`);
  throw new RestError(
    300, 'PGRST201', `Could not embed because more than one relationship was found for '${parent.name}' and '${embed.name}'`,
    details as unknown as string, `Try changing '${embed.name}' to one of the following: ${hints.join(', ')}. Find the desired relationship in the 'details' key.`,
  );
}
