import type pg from 'pg';
import { SerialBatches } from './batches.ts';
import type { Channel } from './channel.ts';
import type { ChangeFeed } from './hub.ts';
import { databaseBroadcast, isMessagesRelation, type DatabaseBroadcast } from './db-broadcast.ts';
import { EncodedPush } from './frames.ts';
import { FilterError, parseFilter, rowMatches, type ParsedFilter } from './filters.ts';
import type { PostgresBinding } from './join-config.ts';
import type { Claims } from './auth.ts';
import { Backpressure, type OutboundBudget } from './outbound.ts';
import { encodeData } from './payload.ts';
import { PUBLICATION, ReplicationFeed, type WalChange } from './replication.ts';
import { RlsChecker, type CheckedRow, type ClaimsGroup, type RelationMeta } from './rls-check.ts';

interface ActiveBinding {
  binding: PostgresBinding;
  filter: ParsedFilter | undefined;
}

interface Recipient {
  channel: Channel;
  ids: number[];
}

interface Delivery {
  channel: Channel;
  /** The `{ids, data}` payload: encoded once per change, role and ids, whatever the subscriber count. */
  push: EncodedPush;
}

/** A backlog is checked in chunks of this many changes, so one round trip stays a few milliseconds. */
const MAX_BATCH = 256;
/**
 * RLS round trips of one table in flight at once. Two were tried: on 2 cores the second probe competed with the
 * writers for CPU, so writes at 1,000/s took 27 s instead of 23 and events arrived later. Many claims groups are
 * still spread over several connections within one check (rls-check.ts).
 */
const RLS_CONCURRENCY = 1;

/** Subscribers share an RLS probe when role and every claim match; the key is computed once per claims object. */
const groupKeys = new WeakMap<Claims, string>();
const columnTypes = new WeakMap<RelationMeta, Map<string, string>>();
function groupKey(claims: Claims): string {
  let key = groupKeys.get(claims);
  if (key === undefined) groupKeys.set(claims, (key = `${claims.role}\u0000${JSON.stringify(claims)}`));
  return key;
}

/**
 * postgres_changes: subscriptions per channel, fed by one logical replication stream of publication
 * `supabase_realtime`, filtered and RLS-checked per subscriber as RT `realtime.apply_rls` does.
 * Changes are RLS-checked in per-table batches (one round trip each, batches.ts) but delivered strictly in WAL order.
 * The same stream carries realtime.messages inserts (publication `supabase_realtime_messages_publication`), which
 * are relayed as broadcasts instead (db-broadcast.ts), in that same order.
 */
export class PostgresChanges implements ChangeFeed<Channel> {
  private readonly active = new Map<Channel, ActiveBinding[]>();
  /** `active` indexed by table (subscribersOf); cleared whenever `active` changes. */
  private readonly byTable = new Map<string, [Channel, ActiveBinding[]][]>();
  private readonly pending = new Set<Channel>();
  private readonly feed: ReplicationFeed;
  private readonly rls: RlsChecker;
  private readonly batches: SerialBatches<Promise<RelationMeta>, WalChange, Delivery[]>;
  private readonly backpressure: Backpressure;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: pg.Pool,
    replicationUrl: string,
    private readonly log: (line: string) => void,
    /** Relays realtime.messages inserts (Broadcast from Database) to the hub. */
    private readonly onDatabaseBroadcast: (broadcast: DatabaseBroadcast) => void,
    outbound: OutboundBudget,
  ) {
    this.rls = new RlsChecker(pool, log);
    this.batches = new SerialBatches((meta, changes) => this.recipients(meta, changes), MAX_BATCH, RLS_CONCURRENCY);
    this.feed = new ReplicationFeed(
      replicationUrl,
      {
        onChange: (change) => (isMessagesRelation(change.schema, change.table) ? this.relay(change) : this.enqueue(change)),
        onRelation: (oid) => this.rls.forget(oid),
        onReady: () => this.onFeedReady(),
        onDown: (reason) => this.onFeedDown(reason),
      },
      log,
    );
    this.backpressure = new Backpressure(outbound, this.feed, log);
  }

  /** Validates the channel's bindings, then reports through a `system` event once the feed is live. */
  subscribe(channel: Channel): void {
    void this.validate(channel).then(
      (bindings) => {
        if (channel.closed) return;
        if (typeof bindings === 'string') return channel.pushSystem('postgres_changes', 'error', bindings);
        this.active.set(channel, bindings);
        this.byTable.clear();
        this.pending.add(channel);
        this.feed.start();
        if (this.feed.ready) this.onFeedReady();
      },
      (error: unknown) => channel.pushSystem('postgres_changes', 'error', `Subscription error: ${(error as Error).message}`),
    );
  }

  /**
   * Any joined channel starts the feed: database broadcasts need it as much as postgres_changes do (RT starts its
   * broadcast ReplicationConnection when the tenant connects, `tenants/connect.ex`). Messages committed before it
   * is streaming are not relayed, as upstream.
   */
  startFeed(): void {
    this.feed.start();
  }

  unsubscribe(channel: Channel): void {
    if (this.active.delete(channel)) this.byTable.clear();
    this.pending.delete(channel);
  }

  private onFeedReady(): void {
    for (const channel of this.pending) channel.pushSystem('postgres_changes', 'ok', 'Subscribed to PostgreSQL');
    this.pending.clear();
  }

  /** Subscribers hear about an outage and about the recovery; changes committed meanwhile are not replayed. */
  private onFeedDown(reason: string): void {
    for (const channel of this.active.keys()) {
      channel.pushSystem('system', 'error', `Replication connection lost, reconnecting: ${reason}`);
      this.pending.add(channel);
    }
  }

  /** Mirrors RT `subscriptions.ex` `create/5`: all bindings or none; the error text names the failing params. */
  private async validate(channel: Channel): Promise<ActiveBinding[] | string> {
    const result: ActiveBinding[] = [];
    for (const binding of channel.config.postgresChanges) {
      let filter: ParsedFilter | undefined;
      try {
        filter = binding.filter ? parseFilter(binding.filter) : undefined;
      } catch (error) {
        if (error instanceof FilterError) return error.message;
        throw error;
      }
      const like = (value: string) => (value === '*' ? '%' : value.replace(/[\\%_]/g, '\\$&'));
      const { rows } = await this.pool.query<{ oid: number; columns: string[] }>(
        `select c.oid::int, array(select attname::text from pg_attribute where attrelid = c.oid and attnum > 0 and not attisdropped) as columns
           from pg_publication_tables p join pg_namespace n on n.nspname = p.schemaname
           join pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
          where p.pubname = $1 and p.schemaname like $2 and p.tablename like $3`,
        [PUBLICATION, like(binding.schema), like(binding.table)],
      );
      const filters = filter ? `[{"${filter.column}", "${filter.op}", ${JSON.stringify(Array.isArray(filter.value) ? `{${filter.value.join(',')}}` : filter.value)}}]` : '[]';
      if (rows.length === 0) {
        return `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [event: ${binding.event}, schema: ${binding.schema}, table: ${binding.table}, filters: ${filters}, select: nil]`;
      }
      if (filter && rows.some((row) => !row.columns.includes(filter.column))) {
        return `Unable to subscribe to changes with given parameters. An exception happened so please check your connect parameters: [event: ${binding.event}, schema: ${binding.schema}, table: ${binding.table}, filters: ${filters}]. Exception: ERROR P0001 (raise_exception) invalid column for filter ${filter.column}`;
      }
      result.push({ binding, filter });
    }
    return result;
  }

  private enqueue(change: WalChange): void {
    this.backpressure.started();
    // Keyed by the relation's cached metadata, so a batch never straddles a relation message (a schema change).
    const work = this.batches.add(this.rls.relation(change.relationOid), change).catch((error: unknown) => {
      this.log(`realtime: dropping a ${change.type} on ${change.schema}.${change.table}: ${(error as Error).message}`);
      return [];
    });
    this.tail = this.tail.then(async () => {
      const deliveries = await work;
      this.backpressure.finished();
      for (const { channel, push } of deliveries) channel.fanOutEncoded(push);
    });
  }

  /** Behind every earlier postgres_changes delivery: one WAL order across both kinds of event. */
  private relay(change: WalChange): void {
    const broadcast = databaseBroadcast(change);
    if (!broadcast) return;
    this.backpressure.started();
    this.tail = this.tail.then(() => {
      this.backpressure.finished();
      try {
        this.onDatabaseBroadcast(broadcast);
      } catch (error) {
        this.log(`realtime: dropping a database broadcast to ${broadcast.serverTopic}: ${(error as Error).message}`);
      }
    });
  }

  /** The recipients of each change of one batch (same table), with one RLS round trip for the whole batch. */
  private async recipients(metaPromise: Promise<RelationMeta>, changes: WalChange[]): Promise<Delivery[][]> {
    if (this.active.size === 0) return changes.map(() => []);
    const meta = await metaPromise;
    const groups = new Map<string, ClaimsGroup>();
    const checked: CheckedRow[] = [];
    const perChange = changes.map((change) => {
      const byGroup = new Map<string, Recipient[]>();
      for (const recipient of this.candidates(change, meta)) {
        const claims = recipient.channel.claims;
        const key = groupKey(claims);
        if (!groups.has(key)) groups.set(key, { key, claims });
        const members = byGroup.get(key);
        if (members) members.push(recipient);
        else byGroup.set(key, [recipient]);
      }
      const noPk = meta.primaryKey.length === 0 && change.type !== 'DELETE';
      // RLS is not checked for DELETE, nor when the table has it disabled.
      const needsRls = meta.rlsEnabled && change.type !== 'DELETE' && !noPk && change.record !== undefined && byGroup.size > 0;
      // Its position among the rows sent for checking, or -1 when the filter match alone decides.
      const checkIndex = needsRls ? checked.push({ row: change.record!, xid: change.xid }) - 1 : -1;
      return { change, byGroup, noPk, checkIndex };
    });
    // Column privileges (cached for 2 s) are looked up alongside the RLS probe, not after it.
    const roles = [...new Set([...groups.values()].map((group) => group.claims.role))];
    const privileges = Promise.all(roles.map(async (role) => [role, await this.rls.selectableColumns(meta.oid, role)] as const));
    const visible = checked.length > 0 ? await this.rls.visibleRows(meta, checked, [...groups.values()]) : undefined;
    const selectable = new Map(await privileges);
    const out: Delivery[][] = [];
    for (const { change, byGroup, noPk, checkIndex } of perChange) {
      const deliveries: Delivery[] = [];
      // `data` depends on the role only (its column privileges), so groups of one role share one encoding, and
      // subscribers with the same binding ids share one payload (and one frame per topic, frames.ts).
      const dataByRole = new Map<string, string | undefined>();
      const pushes = new Map<string, EncodedPush>();
      for (const [key, recipients] of byGroup) {
        if (checkIndex >= 0 && !visible?.get(key)?.has(checkIndex)) continue;
        const role = groups.get(key)!.claims.role;
        if (!dataByRole.has(role)) dataByRole.set(role, encodeData(change, meta, selectable.get(role), noPk));
        const data = dataByRole.get(role);
        if (data === undefined) continue;
        for (const { channel, ids } of recipients) {
          const idList = ids.join(',');
          const pushKey = `${role}\u0000${idList}`;
          let push = pushes.get(pushKey);
          if (!push) pushes.set(pushKey, (push = new EncodedPush('postgres_changes', `{"ids":[${idList}],"data":${data}}`)));
          deliveries.push({ channel, push });
        }
      }
      out.push(deliveries);
    }
    return out;
  }

  /** Bindings whose table, event and filter match; a DELETE is matched against its old identity. */
  private candidates(change: WalChange, meta: RelationMeta): Recipient[] {
    let types = columnTypes.get(meta);
    if (!types) columnTypes.set(meta, (types = new Map(meta.columns.map((c) => [c.name, c.type]))));
    const row = (change.type === 'DELETE' ? change.oldRecord : change.record) ?? {};
    const recipients: Recipient[] = [];
    for (const [channel, bindings] of this.subscribersOf(change.schema, change.table)) {
      const ids: number[] = [];
      for (const { binding, filter } of bindings) {
        if (binding.event !== '*' && binding.event !== change.type) continue;
        if (filter && !rowMatches(filter, row, (column) => types.get(column))) continue;
        if (!ids.includes(binding.id)) ids.push(binding.id);
      }
      if (ids.length > 0) recipients.push({ channel, ids });
    }
    return recipients;
  }

  /** The channels with bindings on one table, and those bindings: rebuilt only when a subscription comes or goes. */
  private subscribersOf(schema: string, table: string): [Channel, ActiveBinding[]][] {
    const key = `${schema}.${table}`;
    let subscribers = this.byTable.get(key);
    if (!subscribers) {
      subscribers = [];
      for (const [channel, bindings] of this.active) {
        const matching = bindings.filter(({ binding }) => (binding.schema === '*' || binding.schema === schema) && (binding.table === '*' || binding.table === table));
        if (matching.length > 0) subscribers.push([channel, matching]);
      }
      this.byTable.set(key, subscribers);
    }
    return subscribers;
  }

  async close(): Promise<void> {
    this.backpressure.stop();
    this.active.clear();
    this.byTable.clear();
    this.pending.clear();
    await this.feed.close();
  }
}
