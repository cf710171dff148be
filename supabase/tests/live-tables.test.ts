import { describe, expect, inject, it } from 'vitest';
import { signUp, sql, type Stack } from './support';

/**
 * The live-table contract: every table in publication supabase_realtime is a band-owned row that members edit
 * concurrently, so the app's optimistic concurrency, its Realtime filters (band_id=eq.<band>) and Realtime's
 * per-subscriber RLS work for it. The tables are discovered from the publication: a new live table is checked
 * without anyone remembering to list it, and fails until it has a fixture below.
 */

const stack = inject('stack');
type Row = Record<string, unknown>;

const published = await sql<{ name: string; schema: string; table: string }>(
  stack,
  `select schemaname || '.' || tablename as name, schemaname as schema, tablename as table
     from pg_publication_tables where pubname = 'supabase_realtime' order by 1`,
);

/**
 * Membership tables published before this contract existed, for "a member joins / leaves" events. They carry a
 * server-owned version (band-admin migration) but are written through create_band / join_band / set_member_role and
 * the owners' own policies, and bands *is* the band (its id is the band column, lib/live/tables/bands.ts).
 * They are still held to the Realtime part of the contract (primary key, REPLICA IDENTITY FULL, RLS with a
 * select policy). Nothing else may be added here: a live table meets the whole contract.
 */
const MEMBERSHIP_TABLES = new Set(['public.bands', 'public.band_members']);

/**
 * Live tables that members by design never write in some ways, refused by privilege rather than by a missing
 * policy: live_rooms is written only by the room_* functions (SECURITY DEFINER), practice notes are never edited.
 * The exemption holds only while `authenticated` lacks the privilege, so a grant without a policy is still reported.
 */
const WRITTEN_BY_FUNCTIONS: Record<string, string[]> = {
  'public.live_rooms': ['INSERT', 'UPDATE', 'DELETE'],
  'public.practice_notes': ['UPDATE'],
  // Chat messages are never hard-deleted: deleting is an UPDATE that every device receives.
  'public.messages': ['DELETE'],
};

const granted = async (table: string, cmd: string) =>
  (await sql<{ granted: boolean }>(stack, "select has_table_privilege('authenticated', $1, $2) as granted", [table, cmd]))[0]!.granted;

/** Inserts one row as the superuser, sending version 99 (which the table must ignore), and returns it. */
async function insert(stack: Stack, table: string, values: Row): Promise<Row> {
  const columns = Object.keys(values);
  const text = `insert into ${table} (${columns.join(', ')}, version) values (${columns.map((_, i) => `$${i + 1}`).join(', ')}, 99) returning *`;
  return (await sql<Row>(stack, text, Object.values(values)))[0]!;
}

async function newBand(stack: Stack): Promise<string> {
  return (await sql<{ id: string }>(stack, "insert into public.bands (name) values ('Fixture band') returning id"))[0]!.id;
}

/** A band with one member (a real user, as the (band_id, user_id) → band_members keys need), for per-member rows. */
async function newMember(stack: Stack): Promise<{ band_id: string; user_id: string }> {
  const [band_id, user] = await Promise.all([newBand(stack), signUp(stack, 'fixture')]);
  await sql(stack, "insert into public.band_members (band_id, user_id, role) values ($1, $2, 'owner')", [band_id, user.id]);
  return { band_id, user_id: user.id };
}

const showOf = (stack: Stack, band_id: string) =>
  insert(stack, 'public.shows', { band_id, title: 'Fixture show', time_zone: 'Europe/Lisbon', starts_at: '2027-03-27T21:00:00Z' });

/** One row per live table, keyed by the table's qualified name. A new live table needs an entry here. */
const FIXTURES: Record<string, (stack: Stack) => Promise<Row>> = {
  'public.songs': async (stack) => insert(stack, 'public.songs', { band_id: await newBand(stack), title: 'Fixture song' }),
  'public.setlists': async (stack) => insert(stack, 'public.setlists', { band_id: await newBand(stack), name: 'Fixture setlist' }),
  'public.setlist_items': async (stack) => {
    const setlist = await FIXTURES['public.setlists']!(stack);
    return insert(stack, 'public.setlist_items', { band_id: setlist.band_id, setlist_id: setlist.id, kind: 'break', position: 'a0' });
  },
  'public.shows': async (stack) => showOf(stack, await newBand(stack)),
  'public.practice_sessions': async (stack) =>
    insert(stack, 'public.practice_sessions', {
      band_id: await newBand(stack),
      time_zone: 'Europe/Lisbon',
      starts_at: '2027-03-27T18:00:00Z',
      ends_at: '2027-03-27T21:00:00Z',
    }),
  'public.practice_items': async (stack) => {
    const session = await FIXTURES['public.practice_sessions']!(stack);
    const song = await insert(stack, 'public.songs', { band_id: session.band_id, title: 'Fixture song' });
    return insert(stack, 'public.practice_items', { band_id: session.band_id, session_id: session.id, song_id: song.id, position: 'a0' });
  },
  'public.learn_status': async (stack) => {
    const member = await newMember(stack);
    const song = await insert(stack, 'public.songs', { band_id: member.band_id, title: 'Fixture song' });
    return insert(stack, 'public.learn_status', { ...member, song_id: song.id, status: 'learning' });
  },
  'public.availability': async (stack) => {
    const member = await newMember(stack);
    const show = await showOf(stack, member.band_id);
    return insert(stack, 'public.availability', { ...member, event_id: show.id, show_id: show.id, answer: 'yes' });
  },
  'public.live_rooms': async (stack) => {
    const session = await FIXTURES['public.practice_sessions']!(stack);
    return insert(stack, 'public.live_rooms', { band_id: session.band_id, kind: 'practice', practice_id: session.id });
  },
  'public.practice_notes': async (stack) => {
    const member = await newMember(stack);
    const session = await insert(stack, 'public.practice_sessions', {
      band_id: member.band_id,
      time_zone: 'Europe/Lisbon',
      starts_at: '2027-03-27T18:00:00Z',
      ends_at: '2027-03-27T21:00:00Z',
    });
    return insert(stack, 'public.practice_notes', { band_id: member.band_id, practice_id: session.id, author_id: member.user_id, body: 'Fixture note' });
  },
  'public.messages': async (stack) => {
    const member = await newMember(stack);
    return insert(stack, 'public.messages', { band_id: member.band_id, author_id: member.user_id, body: 'Fixture message' });
  },
  'public.chat_reads': async (stack) =>
    insert(stack, 'public.chat_reads', { ...(await newMember(stack)), thread: 'band', read_at: '2027-03-27T21:00:00Z' }),
  'public.unavailable_dates': async (stack) =>
    insert(stack, 'public.unavailable_dates', { ...(await newMember(stack)), starts_on: '2027-05-03', ends_on: '2027-05-09' }),
};

type Catalog = {
  replident: string;
  rls: boolean;
  primary_key: string[] | null;
  version_type: string | null;
  version_not_null: boolean | null;
  band_id_type: string | null;
  band_id_not_null: boolean | null;
  policy_cmds: string[] | null;
  before_update_row_triggers: string[] | null;
};

async function catalog(schema: string, table: string): Promise<Catalog> {
  const rows = await sql<Catalog>(
    stack,
    `with t as (select c.oid, c.relreplident, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = $1 and c.relname = $2),
          col as (select a.attname, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull from pg_attribute a, t
                  where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped)
     select t.relreplident::text as replident, t.relrowsecurity as rls,
       (select array_agg(a.attname::text order by a.attname) from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = t.oid and i.indisprimary) as primary_key,
       (select type from col where attname = 'version') as version_type,
       (select attnotnull from col where attname = 'version') as version_not_null,
       (select type from col where attname = 'band_id') as band_id_type,
       (select attnotnull from col where attname = 'band_id') as band_id_not_null,
       (select array_agg(distinct p.cmd::text) from pg_policies p
          where p.schemaname = $1 and p.tablename = $2 and p.permissive = 'PERMISSIVE') as policy_cmds,
       -- tgtype bits: 1 row, 2 before, 16 update; tgenabled 'D' is a disabled trigger.
       (select array_agg(g.tgname::text order by g.tgname) from pg_trigger g
          where g.tgrelid = t.oid and not g.tgisinternal and g.tgenabled <> 'D' and g.tgtype & 19 = 19) as before_update_row_triggers
     from t`,
    [schema, table],
  );
  if (!rows[0]) throw new Error(`${schema}.${table} is published but not found in pg_class`);
  return rows[0];
}

/** What the table lacks of the Realtime part of the contract, which every published table needs. */
function realtimeProblems(c: Catalog): string[] {
  const problems: string[] = [];
  if (!c.primary_key?.length) problems.push('no primary key (Realtime and the app identify rows by it)');
  if (c.replident !== 'f') problems.push(`REPLICA IDENTITY is '${c.replident}', not FULL ('f'): UPDATE/DELETE events would lack the old band_id`);
  if (!c.rls) problems.push('row level security is not enabled');
  if (!c.policy_cmds?.some((cmd) => cmd === 'SELECT' || cmd === 'ALL')) problems.push('no permissive select policy');
  return problems;
}

/** What it lacks of the live-row part, including a real UPDATE that must bump version by exactly 1. */
async function liveRowProblems(name: string, c: Catalog): Promise<string[]> {
  const problems: string[] = [];
  if (c.version_type !== 'integer' || !c.version_not_null) problems.push(`version is ${c.version_type ?? 'missing'}, not integer not null`);
  if (c.band_id_type !== 'uuid' || !c.band_id_not_null) problems.push(`band_id is ${c.band_id_type ?? 'missing'}, not uuid not null: every live table is band-owned`);
  for (const cmd of ['SELECT', 'INSERT', 'UPDATE', 'DELETE']) {
    if (c.policy_cmds?.some((have) => have === cmd || have === 'ALL')) continue;
    if (WRITTEN_BY_FUNCTIONS[name]?.includes(cmd) && !(await granted(name, cmd))) continue;
    problems.push(`no permissive ${cmd.toLowerCase()} policy`);
  }
  if (!c.before_update_row_triggers?.length) problems.push('no BEFORE UPDATE ... FOR EACH ROW trigger to own version');
  const fixture = FIXTURES[name];
  if (!fixture) return [...problems, `no fixture: add one for ${name} to FIXTURES in supabase/tests/live-tables.test.ts`];
  if (!c.primary_key?.length || c.version_type === null) return problems;

  const row = await fixture(stack);
  if (row.version !== 1) problems.push(`inserting with version 99 stored version ${String(row.version)}; the server must store 1`);
  const where = c.primary_key.map((column, i) => `${column} = $${i + 1}`).join(' and ');
  const key = c.primary_key.map((column) => row[column]);
  const versionAfter = async (set: string) => (await sql<{ version: number }>(stack, `update ${name} set ${set} where ${where} returning version`, key))[0]?.version;
  const touched = await versionAfter('version = version');
  if (touched !== 2) problems.push(`set version = version gave version ${String(touched)}; expected 2 (one bump)`);
  const forged = await versionAfter('version = 0');
  if (forged !== 3) problems.push(`sending version 0 gave version ${String(forged)}; expected 3`);
  return problems;
}

describe('the live-table contract', () => {
  it('publication supabase_realtime holds the live tables (an empty publication fails here)', () => {
    expect(published.map(({ name }) => name)).toEqual(expect.arrayContaining([
        'public.songs', 'public.setlists', 'public.setlist_items', 'public.shows', 'public.practice_sessions',
        'public.practice_items', 'public.learn_status', 'public.availability', 'public.unavailable_dates',
        'public.live_rooms', 'public.practice_notes', 'public.messages', 'public.chat_reads',
      ]));
  });

  it('the membership exemption names only tables that are still published', () => {
    const names = new Set(published.map(({ name }) => name));
    expect([...MEMBERSHIP_TABLES].filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(published)('$name keeps the contract', async ({ name, schema, table }) => {
    const c = await catalog(schema, table);
    const problems = realtimeProblems(c);
    if (!MEMBERSHIP_TABLES.has(name)) problems.push(...(await liveRowProblems(name, c)));
    expect(problems, `${name} breaks the live-table contract`).toEqual([]);
  });

  // The checks above can fail: a bare table, and a well-formed one whose version nothing owns.
  it('reports a bare table, a missing fixture and a version the client controls', async () => {
    await sql(stack, `create schema contract_probe;
      create table contract_probe.bare (note text);
      create table contract_probe.unowned (id uuid primary key default gen_random_uuid(), band_id uuid not null,
        version integer not null default 1, note text);
      alter table contract_probe.unowned replica identity full, enable row level security;
      create policy "all" on contract_probe.unowned for all to authenticated using (true);`);
    try {
      const bare = await catalog('contract_probe', 'bare');
      expect([...realtimeProblems(bare), ...(await liveRowProblems('contract_probe.bare', bare))]).toEqual([
        'no primary key (Realtime and the app identify rows by it)',
        "REPLICA IDENTITY is 'd', not FULL ('f'): UPDATE/DELETE events would lack the old band_id",
        'row level security is not enabled',
        'no permissive select policy',
        'version is missing, not integer not null',
        'band_id is missing, not uuid not null: every live table is band-owned',
        'no permissive select policy',
        'no permissive insert policy',
        'no permissive update policy',
        'no permissive delete policy',
        'no BEFORE UPDATE ... FOR EACH ROW trigger to own version',
        'no fixture: add one for contract_probe.bare to FIXTURES in supabase/tests/live-tables.test.ts',
      ]);
      FIXTURES['contract_probe.unowned'] = (stack) => insert(stack, 'contract_probe.unowned', { band_id: crypto.randomUUID() });
      const unowned = await catalog('contract_probe', 'unowned');
      expect([...realtimeProblems(unowned), ...(await liveRowProblems('contract_probe.unowned', unowned))]).toEqual([
        'no BEFORE UPDATE ... FOR EACH ROW trigger to own version',
        'inserting with version 99 stored version 99; the server must store 1',
        'set version = version gave version 99; expected 2 (one bump)',
        'sending version 0 gave version 0; expected 3',
      ]);
    } finally {
      delete FIXTURES['contract_probe.unowned'];
      await sql(stack, 'drop schema contract_probe cascade');
    }
  });
});
