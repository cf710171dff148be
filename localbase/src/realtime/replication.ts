import { LogicalReplicationService, PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';
import type pg from 'pg';

/** A column as the catalog names it: its name and its type (`format_type`). */
export interface Column {
  name: string;
  type: string;
}

/** A row as pgoutput sends it: each value in its PostgreSQL text form, or null. */
export type TextRow = Record<string, string | null | undefined>;

/** One decoded row change, values still in PostgreSQL text form. */
export interface WalChange {
  type: 'INSERT' | 'UPDATE' | 'DELETE';
  relationOid: number;
  schema: string;
  table: string;
  replicaIdentity: 'default' | 'nothing' | 'full' | 'index';
  /** Names the relation message flagged as part of the replica identity. */
  identityColumns: string[];
  record?: TextRow;
  /** The full old row (REPLICA IDENTITY FULL) or the old identity columns only. */
  oldRecord?: TextRow;
  commitTime: Date;
  /** The writing transaction's 32-bit xid: tells "committed but not yet visible" from "gone" (rls-check.ts). */
  xid: number;
}

export interface FeedEvents {
  onChange(change: WalChange): void;
  /** A relation message: the table's shape or identity may have changed. */
  onRelation(oid: number): void;
  onReady(): void;
  onDown(reason: string): void;
}

export const PUBLICATION = 'supabase_realtime';
/** Broadcast from Database (db-broadcast.ts; RT `replication_connection.ex` `publication_name("realtime", "messages")`). */
const MESSAGES_PUBLICATION = 'supabase_realtime_messages_publication';
/** One slot streams both publications, so one WAL order holds across postgres_changes and database broadcasts. */
const PUBLICATIONS = [PUBLICATION, MESSAGES_PUBLICATION];
/** Reconnect backoff after the replication connection drops (PostgreSQL restart, terminated walsender). */
const BACKOFF_MS = [250, 1000, 2000, 5000, 10_000];

/**
 * pgoutput with text values: the relation's columns get an identity parser, so values stay the exact text
 * PostgreSQL printed (casting happens later by column type, see payload.ts). The slot is TEMPORARY and created on
 * the replication connection itself, in its own command (machine-notes: never inside a transaction), so PostgreSQL
 * drops it when the connection ends: WAL is never retained across localbase restarts or crashes.
 */
class TextPgoutputPlugin extends PgoutputPlugin {
  override parse(buffer: Buffer): Pgoutput.Message {
    const message = super.parse(buffer) as Pgoutput.Message;
    if (message.tag === 'relation') for (const column of message.columns) column.parser = (raw: unknown) => raw;
    return message;
  }

  override async start(client: pg.Client, slotName: string, lastLsn: string): Promise<unknown> {
    await client.query(`CREATE_REPLICATION_SLOT "${slotName}" TEMPORARY LOGICAL pgoutput (SNAPSHOT 'nothing')`);
    return super.start(client, slotName, lastLsn);
  }
}

export class ReplicationFeed {
  private service: LogicalReplicationService | undefined;
  private commitTime = new Date();
  private xid = 0;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running = false;
  ready = false;

  constructor(
    private readonly connectionString: string,
    private readonly events: FeedEvents,
    private readonly log: (line: string) => void,
  ) {}

  /** Idempotent: the first joined channel starts the feed (postgres-changes.ts `startFeed`); it runs until close(). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const slot = `localbase_realtime_${process.pid}_${Date.now().toString(36)}`;
    const service = new LogicalReplicationService(
      // DateStyle/TimeZone fix the text form of timestamps in the stream (payload.ts relies on it).
      { connectionString: this.connectionString, options: '-c DateStyle=ISO,MDY -c TimeZone=UTC -c extra_float_digits=1' },
      // Acknowledged once a second from a timer, not after every message: an ack per message is a standby status
      // write per BEGIN, row and COMMIT, which cost both processes more than decoding did. The slot is temporary and
      // never replayed, so acknowledging what was received (not yet delivered) loses nothing.
      { acknowledge: { auto: false, timeoutSeconds: 1 } },
    );
    this.service = service;
    service.on('start', () => {
      this.attempt = 0;
      this.ready = true;
      this.events.onReady();
    });
    service.on('data', (_lsn: string, message: Pgoutput.Message) => this.onMessage(message));
    service.on('error', (error: Error) => this.onFailure(service, error));
    const plugin = new TextPgoutputPlugin({ protoVersion: 2, publicationNames: PUBLICATIONS });
    try {
      // Resolves when the stream ends: cleanly on stop(), or when the server went away.
      await service.subscribe(plugin, slot);
      if (!this.stopped) this.onFailure(service, new Error('replication stream ended'));
    } catch (error) {
      this.onFailure(service, error as Error);
    }
  }

  private onFailure(service: LogicalReplicationService, error: Error): void {
    if (this.stopped || service !== this.service) return;
    this.service = undefined;
    const wasReady = this.ready;
    this.ready = false;
    void service.destroy().catch(() => undefined);
    const delay = BACKOFF_MS[Math.min(this.attempt++, BACKOFF_MS.length - 1)]!;
    this.log(`realtime: replication connection lost (${error.message}); retrying in ${delay} ms`);
    if (wasReady) this.events.onDown(error.message);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private onMessage(message: Pgoutput.Message): void {
    switch (message.tag) {
      case 'begin':
        // Microseconds since the Unix epoch (pg-logical-replication adds the 2000-01-01 offset).
        this.commitTime = new Date(Number((message.commitTime as bigint) / 1000n));
        this.xid = message.xid;
        return;
      case 'relation':
        this.events.onRelation(message.relationOid);
        return;
      case 'insert':
      case 'update':
      case 'delete': {
        const relation = message.relation;
        const base = {
          relationOid: relation.relationOid,
          schema: relation.schema,
          table: relation.name,
          replicaIdentity: relation.replicaIdentity,
          identityColumns: relation.keyColumns,
          commitTime: this.commitTime,
          xid: this.xid,
        };
        if (message.tag === 'insert') this.events.onChange({ ...base, type: 'INSERT', record: message.new });
        else if (message.tag === 'update') this.events.onChange({ ...base, type: 'UPDATE', record: message.new, oldRecord: message.old ?? message.key ?? undefined });
        else this.events.onChange({ ...base, type: 'DELETE', oldRecord: message.old ?? message.key ?? undefined });
        return;
      }
      default:
        return;
    }
  }

  /**
   * Backpressure: stops reading the replication socket, so PostgreSQL's walsender waits and the backlog stays in WAL
   * rather than in this process. The acknowledgement timer keeps running, so the walsender does not time out.
   */
  pause(): void {
    this.stream()?.pause();
  }

  resume(): void {
    this.stream()?.resume();
  }

  /** The library pauses this same stream for its own flow control (`_processQueue`); it has no public handle. */
  private stream(): { pause(): void; resume(): void } | undefined {
    return (this.service as unknown as { _connection?: { stream?: { pause(): void; resume(): void } } } | undefined)?._connection?.stream;
  }

  /** Ends the stream; the temporary slot goes with the connection. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const service = this.service;
    this.service = undefined;
    this.ready = false;
    await service?.destroy().catch(() => undefined);
  }
}
