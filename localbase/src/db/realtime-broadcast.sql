-- Broadcast from Database, applied right after base-schema.sql (same transaction, same idempotence).
-- realtime.send() and realtime.broadcast_changes() as Supabase Realtime's tenant migrations define them
-- ([rt] lib/realtime/tenants/repo/migrations/20260420000000_squash_migrations.ex `create_table_dependent_functions`,
-- which folds in 20241224161212_realtime_send_sets_config and 20251103001201_broadcast_send_include_payload_id).
-- Realtime relays every committed insert into realtime.messages to `realtime:<topic>` subscribers
-- (src/realtime/db-broadcast.ts).

-- send(): the message id is also put into the payload unless the caller chose one; the topic is set for the
-- transaction so INSERT policies can use realtime.topic(). Failures only warn: a trigger that broadcasts must never
-- abort the write that fired it (upstream 20241220123912_realtime_send_handle_exceptions_remove_partition_creation).
create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void language plpgsql as $$
declare
  generated_id uuid;
  final_payload jsonb;
begin
  begin
    generated_id := gen_random_uuid();
    if payload ? 'id' then
      final_payload := payload;
    else
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    end if;
    execute format('set local realtime.topic to %L', topic);
    insert into realtime.messages (id, payload, event, topic, private, extension)
    values (generated_id, final_payload, event, topic, private, 'broadcast');
  exception when others then
    raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
  end;
end;
$$;

-- broadcast_changes(): the documented trigger helper. It sends a private message (send()'s default) whose payload
-- is {old_record, record, operation, table, schema} plus send()'s id; OLD is null for INSERT, NEW for DELETE.
create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text,
  new record, old record, level text default 'ROW'
) returns void language plpgsql as $$
declare
  row_data jsonb := '{}'::jsonb;
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  if operation = 'INSERT' or operation = 'UPDATE' or operation = 'DELETE' then
    row_data := jsonb_build_object('old_record', old, 'record', new, 'operation', operation, 'table', table_name, 'schema', table_schema);
    perform realtime.send(row_data, event_name, topic_name);
  else
    raise exception 'Unexpected operation type: %', operation;
  end if;
exception
  when others then
    raise exception 'Failed to process the row: %', sqlerrm;
end;
$$;

-- The publication Realtime's broadcast replication connection streams ([rt] lib/realtime/tenants/
-- replication_connection.ex: `supabase_<schema>_<table>_publication`, FOR TABLE realtime.messages). Without
-- publish_via_partition_root, as upstream: changes arrive under the partition's name (messages_default here), which
-- is why the reader accepts any realtime.messages* relation. Upstream recreates it when it holds other tables.
do $$ begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime_messages_publication') then
    create publication supabase_realtime_messages_publication for table realtime.messages;
  elsif exists (
    select from pg_publication_tables
     where pubname = 'supabase_realtime_messages_publication'
       and not (schemaname = 'realtime' and (tablename = 'messages' or tablename like 'messages\_%'))
  ) or not exists (select from pg_publication_tables where pubname = 'supabase_realtime_messages_publication') then
    drop publication supabase_realtime_messages_publication;
    create publication supabase_realtime_messages_publication for table realtime.messages;
  end if;
end $$;
