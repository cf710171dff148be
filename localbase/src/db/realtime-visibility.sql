-- localbase Realtime's postgres_changes RLS probe, applied right after base-schema.sql (same transaction, same
-- idempotence). It checks a batch of changes to one table for every claims group in one round trip: the part of
-- upstream's realtime.apply_rls that runs `select exists(... where pk = ...)` per subscriber (realtime-protocol.md
-- section 7.4). Caller: src/realtime/rls-check.ts (visibleRows).
-- `keys` is a JSON array of {pk column: text value}; `claims` a JSON array of claims maps, one per claims group.
-- Returns (grp, ord): key number `ord` (1-based) is visible to group `grp` (1-based); grp 0 is the caller itself, a
-- superuser that bypasses RLS, so the caller can tell "not committed visibly yet" from "filtered by a policy".
-- Each group runs under its own role and claims in a subtransaction, so a failing policy or a missing role
-- hides rows from that group only. Identifiers go through format(%I) / format_type, values only through USING or
-- format(%L) (quote_literal).
-- `xids` holds each key's writing transaction (32-bit, from pgoutput's BEGIN); grp -1 lists the keys whose
-- transaction is not yet visible to a new snapshot, checked before the probes, so the caller retries exactly those.
drop function if exists realtime.localbase_visible_keys(regclass, jsonb, jsonb);
create or replace function realtime.localbase_visible_keys(entity regclass, keys jsonb, claims jsonb, xids bigint[])
returns table (grp int, ord int) language plpgsql volatile as $$
declare
  pk_match text;
  probe text;
  statement_name text;
  run_probe text;
  group_claims jsonb;
  group_number int;
  visible int[];
  groups int[] := '{}';
  ords int[] := '{}';
  role_set text;
begin
  select string_agg(format('t.%1$I = (k.v ->> %2$L)::%3$s', a.attname, a.attname::text, format_type(a.atttypid, a.atttypmod)), ' and ')
    into pk_match
    from pg_catalog.pg_index x
    join pg_catalog.pg_attribute a on a.attrelid = x.indrelid and a.attnum = any(x.indkey)
   where x.indrelid = entity and x.indisprimary;
  if pk_match is null then
    return;
  end if;
  -- A 32-bit xid widened to xid8 against the snapshot's xmax: the nearest full xid, before or after it (the
  -- offset is 2^31 + 2^32, so the modulo never sees a negative number).
  return query
    with snap as (select pg_catalog.pg_current_snapshot() as s),
         bounds as (select s, pg_catalog.pg_snapshot_xmax(s)::text::bigint as xmax from snap)
    select -1, u.o::int
      from pg_catalog.unnest(xids) with ordinality u(x, o), bounds b
     where not pg_catalog.pg_visible_in_snapshot(
             (b.xmax + ((u.x - (b.xmax & 4294967295)) + 6442450944) % 4294967296 - 2147483648)::text::xid8, b.s);
  -- LATERAL ... LIMIT 1 keeps this a nested loop of primary-key index lookups: as a plain EXISTS the planner may
  -- pick a hash semi-join whose sequential scan evaluates the policy on every row of the table.
  select format('select array_agg(k.o::int) from pg_catalog.jsonb_array_elements($1) with ordinality k(v, o)
                  cross join lateral (select from %I.%I t where %s limit 1) found', n.nspname, c.relname, pk_match)
    into probe
    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
   where c.oid = entity;
  execute probe into visible using keys;
  return query select 0, unnest(coalesce(visible, '{}'));
  -- Planning the probe was most of the cost of a group (a plain EXECUTE plans every time), so the groups run it as
  -- a prepared statement of this session, named by the probe's text: its cached plan is reused while the role stays
  -- the same, and PostgreSQL re-plans it when the role (hence the policies) or the table changes. An EXECUTE
  -- statement takes no USING parameters ("there is no parameter $1"), so the keys go in as a quoted literal.
  statement_name := 'localbase_rls_' || pg_catalog.md5(probe);
  if not exists (select from pg_catalog.pg_prepared_statements p where p.name = statement_name) then
    execute format('prepare %I(jsonb) as %s', statement_name, probe);
  end if;
  run_probe := format('execute %I(%L)', statement_name, keys);
  -- By role, so that groups sharing one reuse one plan instead of re-planning at every switch.
  for group_claims, group_number in
    select c.value, c.n::int from pg_catalog.jsonb_array_elements(claims) with ordinality c(value, n) order by c.value ->> 'role', c.n
  loop
    begin
      -- Only roles `authenticator` may become, as for REST (D.5): this runs as a superuser, so a JWT naming
      -- `postgres` would otherwise see every row. pg_has_role raises for an unknown role and is null for a missing
      -- one (which set_config would take as "reset to the superuser"); all land below.
      if pg_catalog.pg_has_role('authenticator', group_claims ->> 'role', 'MEMBER') is not true then
        raise exception 'role % is not reachable from authenticator', group_claims ->> 'role' using errcode = '42501';
      end if;
      -- The same settings PostgREST and upstream's walrus set: role, full claims, and the legacy per-claim keys.
      -- Fewer statements, as each costs an executor run: the role ones only when the role changes (groups come
      -- sorted by role; `role_set` is forgotten whenever a group fails, as its rollback may have undone them).
      if role_set is distinct from group_claims ->> 'role' then
        perform pg_catalog.set_config('role', group_claims ->> 'role', true),
                pg_catalog.set_config('request.jwt.claim.role', group_claims ->> 'role', true);
        role_set := group_claims ->> 'role';
      end if;
      perform pg_catalog.set_config('request.jwt.claims', group_claims::text, true),
              pg_catalog.set_config('request.jwt.claim.sub',
                case when pg_catalog.jsonb_typeof(group_claims -> 'sub') = 'string' then group_claims ->> 'sub' else '' end, true);
      execute run_probe into visible;
      -- Collected, returned after the loop: a probe failing halfway must not leave a partial answer behind.
      if visible is not null then
        groups := groups || pg_catalog.array_fill(group_number, array[cardinality(visible)]);
        ords := ords || visible;
      end if;
    exception when others then
      -- Rolled back to before this group's settings: it sees nothing, the next group sets its role again.
      role_set := null;
    end;
  end loop;
  perform pg_catalog.set_config('role', 'none', true);
  return query select * from unnest(groups, ords);
end $$;
revoke execute on function realtime.localbase_visible_keys(regclass, jsonb, jsonb, bigint[]) from public;
