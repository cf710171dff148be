import { Hub, type BroadcastMessage } from './hub.ts';
import type { WalChange } from './replication.ts';

/**
 * Broadcast from Database: rows that realtime.send() / realtime.broadcast_changes() insert into realtime.messages
 * (src/db/realtime-broadcast.sql) arrive on the replication feed through publication
 * `supabase_realtime_messages_publication` and are relayed as broadcasts, as RT
 * `lib/realtime/tenants/replication_connection.ex` (`handle_message(%Insert{})`) and
 * `lib/realtime/tenants/batch_broadcast.ex` (`send_message_and_count`) do.
 */

/** One message to relay: where it goes and what subscribers receive. */
export interface DatabaseBroadcast {
  /** The hub topic: `public:<topic>` or `private:<topic>` (hub.ts `serverTopic`). */
  serverTopic: string;
  message: BroadcastMessage;
}

/**
 * realtime.messages and its partitions: upstream's publication has no publish_via_partition_root, so inserts arrive
 * under the partition's name (`messages_default` here, `messages_2025_01_31` upstream); RT matches
 * `String.starts_with?(name, "messages")` in schema `realtime`.
 */
export function isMessagesRelation(schema: string, table: string): boolean {
  return schema === 'realtime' && table.startsWith('messages');
}

/**
 * The broadcast for one replicated change, or undefined when it is not relayed: only INSERTs are, and only when
 * payload, event, id, topic, private and inserted_at are all present (RT `get_or_error` for each; a NULL payload,
 * e.g. realtime.send(null, ...), is skipped). The payload is the stored JSON as is, `meta.id` the row's id
 * (RT BatchBroadcast: `Map.put(payload, "meta", %{"id" => id})`). Private messages reach only private channels,
 * which passed the realtime.messages read policy at join; public ones only public channels (RT `tenant_topic`).
 */
export function databaseBroadcast(change: WalChange): DatabaseBroadcast | undefined {
  if (change.type !== 'INSERT' || !change.record) return undefined;
  const { payload, event, id, topic, private: isPrivate, inserted_at: insertedAt } = change.record;
  if (payload == null || event == null || id == null || topic == null || isPrivate == null || insertedAt == null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return undefined; // jsonb text always parses; anything else is not a message upstream could relay either
  }
  return {
    serverTopic: Hub.serverTopic(topic, isPrivate === 't' || isPrivate === 'true'),
    message: { event, payload: parsed, meta: { id } },
  };
}
