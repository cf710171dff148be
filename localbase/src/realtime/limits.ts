/**
 * Realtime's per-project limits, as RT enforces them per tenant: values and defaults from RT `config/runtime.exs`
 * (`TENANT_MAX_*`) and `lib/realtime/api/tenant.ex`, rates counted as RT `lib/realtime/rate_counter/rate_counter.ex`
 * counts them. localbase is one tenant, so "per tenant" means per running stack.
 */
import { UserError } from '../shared/errors.ts';
import { systemClock, type Clock } from '../shared/clock.ts';

export interface RealtimeLimits {
  /** Sockets that have joined at least one channel (RT `UsersCounter`). */
  maxConcurrentUsers: number;
  /** Broadcasts in plus broadcast deliveries out, per second, averaged (RT `max_events_per_second`). */
  maxEventsPerSecond: number;
  /** Channel joins per second over all sockets, averaged (RT `max_joins_per_second`). */
  maxJoinsPerSecond: number;
  /** Channels joined at once over one socket (RT `max_channels_per_client`). */
  maxChannelsPerClient: number;
  /** Broadcast and presence payloads (RT `max_payload_size_in_kb`, 1 KB = 1000 bytes). */
  maxPayloadSizeInKb: number;
}

/** RT's defaults; hosted Supabase's Free plan has the same figures except a 256 KB broadcast payload. */
export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  maxConcurrentUsers: 200,
  maxEventsPerSecond: 100,
  maxJoinsPerSecond: 100,
  maxChannelsPerClient: 100,
  maxPayloadSizeInKb: 3000,
};

const ENV_NAMES: Record<keyof RealtimeLimits, string> = {
  maxConcurrentUsers: 'LOCALBASE_REALTIME_MAX_CONCURRENT_USERS',
  maxEventsPerSecond: 'LOCALBASE_REALTIME_MAX_EVENTS_PER_SECOND',
  maxJoinsPerSecond: 'LOCALBASE_REALTIME_MAX_JOINS_PER_SECOND',
  maxChannelsPerClient: 'LOCALBASE_REALTIME_MAX_CHANNELS_PER_CLIENT',
  maxPayloadSizeInKb: 'LOCALBASE_REALTIME_MAX_PAYLOAD_SIZE_IN_KB',
};

/**
 * The Supabase CLI's config.toml has no key for these (its `[realtime]` table holds only enabled, ip_version and
 * max_header_length), so they come from `LOCALBASE_REALTIME_*` variables named after RT's tenant fields.
 */
export function readRealtimeLimits(env: NodeJS.ProcessEnv = process.env): RealtimeLimits {
  const limits = { ...DEFAULT_REALTIME_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as (keyof RealtimeLimits)[]) {
    const name = ENV_NAMES[key];
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new UserError(`${name}=${text} is not a positive whole number.`, `Set ${name} to a whole number of at least 1, or unset it for ${DEFAULT_REALTIME_LIMITS[key]}.`);
    limits[key] = value;
  }
  return limits;
}

/** RT `tenants.ex` pads the payload limit by 500 bytes for the term encoding around the payload. */
const PAYLOAD_PADDING_BYTES = 500;

/**
 * The size RT compares with the limit is `:erlang.external_size` of the decoded payload; its JSON text (or a binary
 * payload's bytes) is the closest measure here, within the 500-byte padding for payloads of any real size.
 */
export function payloadTooLarge(limits: RealtimeLimits, payload: unknown): boolean {
  const size = Buffer.isBuffer(payload) ? payload.length : Buffer.byteLength(JSON.stringify(payload) ?? '');
  return size > limits.maxPayloadSizeInKb * 1000 + PAYLOAD_PADDING_BYTES;
}

/**
 * RT `RateCounter`: events are counted per 5-second tick; each tick pushes its count onto a list of the last 12
 * (a minute) and the average is their sum over the list's length, per second. The limit triggers when the average
 * reaches it and releases when the average falls below it. The first tick happens when the counter starts (an
 * empty one), so a burst right after start is averaged over two ticks. Ticks are applied lazily from the clock.
 */
export class RateCounter {
  private buckets: number[] = [0];
  private current = 0;
  private tickStartMs: number;
  private triggeredNow = false;

  constructor(
    readonly limit: number,
    private readonly clock: Clock = systemClock,
    private readonly tickMs = 5000,
    private readonly maxBuckets = 12,
  ) {
    this.tickStartMs = clock.nowMs();
  }

  add(count = 1): void {
    this.roll();
    this.current += count;
  }

  get triggered(): boolean {
    this.roll();
    return this.triggeredNow;
  }

  get average(): number {
    this.roll();
    return this.bucketAverage();
  }

  private bucketAverage(): number {
    return this.buckets.reduce((sum, count) => sum + count, 0) / this.buckets.length / (this.tickMs / 1000);
  }

  private roll(): void {
    const elapsed = Math.floor((this.clock.nowMs() - this.tickStartMs) / this.tickMs);
    if (elapsed <= 0) return;
    this.tickStartMs += elapsed * this.tickMs;
    // After a full list of empty ticks every bucket is 0; further ticks change nothing.
    for (let tick = 0; tick < Math.min(elapsed, this.maxBuckets + 1); tick++) {
      this.buckets = [this.current, ...this.buckets].slice(0, this.maxBuckets);
      this.current = 0;
      this.triggeredNow = this.bucketAverage() >= this.limit;
    }
  }
}

/**
 * The REST API's rate check (RT `single_broadcast.ex` refuses at an average of the limit, `batch_broadcast.ex` over
 * it, and a batch that would take the average over it): the 429 message, if refused.
 */
export function restRateRefusal(limiter: RealtimeLimiter, messages: number, refuseAt: '>=' | '>'): string | undefined {
  const average = limiter.events.average;
  const max = limiter.limits.maxEventsPerSecond;
  if (refuseAt === '>=' ? average >= max : average > max) return 'You have exceeded your rate limit';
  if (refuseAt === '>' && messages + average > max) return 'Too many messages to broadcast, please reduce the batch size';
  return undefined;
}

/** A binary broadcast frame (kind 4) gives the topic and the event one length byte each (RT `v2_serializer.ex`). */
const BINARY_FIELD_MAX_BYTES = 255;
const JOIN_TOPIC_PREFIX_BYTES = Buffer.byteLength('realtime:');

/**
 * A binary payload reaches vsn 2.0.0 clients only in that frame, whose topic is the joined `realtime:<topic>`.
 * RT raises in its serializer for a longer field (a 500 while anyone is subscribed); here the request is refused
 * up front, in the shape of RT's other message errors, whether or not anyone listens.
 */
export function binaryBroadcastErrors(topic: string, event: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const maxTopic = BINARY_FIELD_MAX_BYTES - JOIN_TOPIC_PREFIX_BYTES;
  if (Buffer.byteLength(topic) > maxTopic) errors.topic = [`should be at most ${maxTopic} byte(s) for a binary payload`];
  if (Buffer.byteLength(event) > BINARY_FIELD_MAX_BYTES) errors.event = [`should be at most ${BINARY_FIELD_MAX_BYTES} byte(s) for a binary payload`];
  return errors;
}

/** What a socket is to the limiter: something that holds channels. */
export interface LimitedSocket {
  readonly channelCount: number;
}

export type JoinRefusal = { reason: string; disconnect: boolean };

/** The limits of one running stack and the counters behind them. */
export class RealtimeLimiter {
  readonly joins: RateCounter;
  readonly events: RateCounter;
  private readonly users = new Set<LimitedSocket>();

  constructor(
    readonly limits: RealtimeLimits = DEFAULT_REALTIME_LIMITS,
    clock: Clock = systemClock,
  ) {
    this.joins = new RateCounter(limits.maxJoinsPerSecond, clock);
    this.events = new RateCounter(limits.maxEventsPerSecond, clock);
  }

  /** RT `user_socket.ex` `connect` via `tenant_rate_limiters.ex`: the handshake's 429 body, if refused. */
  refuseConnect(): string | undefined {
    if (this.users.size >= this.limits.maxConcurrentUsers) return 'Too many connected users';
    if (this.joins.triggered) return 'Too many joins per second';
    return undefined;
  }

  /**
   * RT `realtime_channel.ex` `join`: `limit_max_users`, `limit_joins`, `limit_channels`, in that order, before the
   * token is checked. A join over the rate is counted only when admitted; it also ends the socket (RT sends the
   * transport a `disconnect` broadcast).
   */
  refuseJoin(socket: LimitedSocket): JoinRefusal | undefined {
    if (!this.users.has(socket) && this.users.size >= this.limits.maxConcurrentUsers) {
      return { reason: 'ConnectionRateLimitReached: Too many connected users', disconnect: false };
    }
    if (this.joins.triggered) return { reason: 'ClientJoinRateLimitReached: Too many joins per second', disconnect: true };
    this.joins.add();
    if (socket.channelCount >= this.limits.maxChannelsPerClient) return { reason: 'ChannelRateLimitReached: Too many channels', disconnect: false };
    return undefined;
  }

  /** A socket counts as a connected user from its first joined channel until it closes (RT `UsersCounter.add`). */
  joined(socket: LimitedSocket): void {
    this.users.add(socket);
  }

  gone(socket: LimitedSocket): void {
    this.users.delete(socket);
  }

  payloadTooLarge(payload: unknown): boolean {
    return payloadTooLarge(this.limits, payload);
  }
}
