/**
 * The `phx_join` payload as RT `channels/payloads/{join,config,broadcast,presence,postgres_change}.ex` cast it:
 * unknown keys are ignored and booleans may arrive as "true"/"false" strings (`FlexibleBoolean`).
 */

export interface PostgresBinding {
  /** The client's params map, echoed verbatim in the join reply (the client compares it key by key). */
  params: Record<string, unknown>;
  /** `:erlang.phash2(params)` upstream; any JSON value works as long as events repeat it. */
  id: number;
  event: '*' | 'INSERT' | 'UPDATE' | 'DELETE';
  schema: string;
  table: string;
  filter: string | undefined;
}

export interface JoinConfig {
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  isPrivate: boolean;
  postgresChanges: PostgresBinding[];
  accessToken: string | undefined;
}

export function parseJoinPayload(payload: unknown): JoinConfig {
  const root = asObject(payload);
  const config = asObject(root.config);
  const broadcast = asObject(config.broadcast);
  const presence = asObject(config.presence);
  const changes = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
  const token = root.access_token ?? root.user_token;
  return {
    broadcastSelf: flexibleBoolean(broadcast.self),
    broadcastAck: flexibleBoolean(broadcast.ack),
    presenceKey: typeof presence.key === 'string' ? presence.key : presence.key === undefined || presence.key === null ? '' : String(presence.key),
    presenceEnabled: flexibleBoolean(presence.enabled),
    isPrivate: flexibleBoolean(config.private),
    postgresChanges: changes.map((entry) => postgresBinding(asObject(entry))),
    accessToken: typeof token === 'string' && token !== '' ? token : undefined,
  };
}

function postgresBinding(params: Record<string, unknown>): PostgresBinding {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  const schema = text(params.schema);
  const table = text(params.table);
  const event = String(params.event ?? '*').toUpperCase();
  return {
    params,
    id: phash(params),
    // Anything other than the three actions becomes '*' (RT `subscriptions.ex` `action_filter`).
    event: event === 'INSERT' || event === 'UPDATE' || event === 'DELETE' ? event : '*',
    // `schema` defaults to public when only `table` is given; `table` to '*' when only `schema` is.
    schema: schema ?? (table ? 'public' : '*'),
    table: table ?? '*',
    filter: typeof params.filter === 'string' && params.filter.trim() !== '' ? params.filter : undefined,
  };
}

/** A stable 27-bit hash of the params (phash2's default range), so identical bindings get identical ids. */
export function phash(value: unknown): number {
  const text = canonicalJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7ffffff;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function flexibleBoolean(value: unknown): boolean {
  return value === true || value === 'true';
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
