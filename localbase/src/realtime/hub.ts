import type pg from 'pg';
import type { Clock } from '../shared/clock.ts';
import type { ApiKeys } from '../shared/keys.ts';
import type { OutboundBudget } from './outbound.ts';
import { PresenceTopic, type PresenceDiff } from './presence.ts';

/** A user broadcast; a Buffer payload is relayed as bytes (binary kind 4 to vsn 2.0.0 sockets). */
export interface BroadcastMessage {
  event: string;
  payload: unknown;
  /** `{id}` for messages from the database (RT `batch_broadcast.ex`); absent for client and REST broadcasts. */
  meta?: Record<string, unknown>;
}

/** What the hub needs of a joined channel (channel.ts); the hub sits below channels and knows them only so. */
export interface HubMember {
  readonly serverTopic: string;
  pushPresenceDiff(diff: PresenceDiff): void;
  deliverBroadcast(message: BroadcastMessage): void;
}

/** The postgres_changes feed (postgres-changes.ts), as channels use it through the hub. */
export interface ChangeFeed<M> {
  startFeed(): void;
  subscribe(member: M): void;
  unsubscribe(member: M): void;
}

/**
 * Service-wide state the channels share: who is joined to which server topic, presence per topic, the change feed.
 * Public and private channels of one name are different topics (RT `tenants.ex` `tenant_topic`).
 */
export class Hub<M extends HubMember = HubMember> {
  private readonly topics = new Map<string, Set<M>>();
  private readonly presence = new Map<string, PresenceTopic>();

  constructor(
    readonly keys: ApiKeys,
    readonly clock: Clock,
    /** Superuser pool for authorisation probes and RLS checks (each impersonates the subscriber). */
    readonly pool: pg.Pool,
    readonly changes: ChangeFeed<M>,
    readonly log: (line: string) => void,
    /** Unsent bytes of every socket: the replication reader pauses while they are over their limit. */
    readonly outbound: OutboundBudget,
  ) {}

  static serverTopic(subTopic: string, isPrivate: boolean): string {
    return `${isPrivate ? 'private' : 'public'}:${subTopic}`;
  }

  add(channel: M): void {
    this.changes.startFeed();
    let members = this.topics.get(channel.serverTopic);
    if (!members) this.topics.set(channel.serverTopic, (members = new Set()));
    members.add(channel);
  }

  remove(channel: M): void {
    const members = this.topics.get(channel.serverTopic);
    members?.delete(channel);
    if (members?.size === 0) this.topics.delete(channel.serverTopic);
    const diff = this.presence.get(channel.serverTopic)?.untrack(channel);
    if (diff) this.fanOutPresence(channel.serverTopic, diff);
    if (this.presence.get(channel.serverTopic)?.size === 0) this.presence.delete(channel.serverTopic);
  }

  members(serverTopic: string): Iterable<M> {
    return this.topics.get(serverTopic) ?? [];
  }

  presenceOf(serverTopic: string): PresenceTopic {
    let topic = this.presence.get(serverTopic);
    if (!topic) this.presence.set(serverTopic, (topic = new PresenceTopic()));
    return topic;
  }

  fanOutPresence(serverTopic: string, diff: PresenceDiff): void {
    for (const member of this.members(serverTopic)) member.pushPresenceDiff(diff);
  }

  get channelCount(): number {
    let count = 0;
    for (const members of this.topics.values()) count += members.size;
    return count;
  }
}
