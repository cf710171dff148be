-- The base privileges and role settings, as Supabase's init scripts set them when a project's database is created
-- ([sb-pg] migrations/db/init-scripts/00000000000000-initial-schema.sql, 00000000000001-auth-schema.sql;
-- [rt] priv/repo/migrations/*_create_realtime_messages_table). Runs only on a new database (first start, `db reset`):
-- a warm start must never grant again what the project's migrations revoked. Objects in public get their grants
-- from the default privileges below when migrations create them.

grant anon, authenticated, service_role to authenticator;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

grant usage on schema public, extensions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
grant usage on schema graphql_public to anon, authenticated, service_role;

grant usage on schema auth to anon, authenticated, service_role;

grant usage on schema realtime to postgres, anon, authenticated, service_role;
grant select, insert, update, delete on realtime.messages to anon, authenticated, service_role;
grant execute on function realtime.topic() to postgres, anon, authenticated, service_role;
grant execute on function realtime.send(jsonb, text, text, boolean) to postgres, anon, authenticated, service_role;
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  to postgres, anon, authenticated, service_role;
