import { verifyRealtimeToken, TokenError, type Claims } from './auth.ts';
import { canWrite, readPermissions, type Extension } from './authorization.ts';
import type { EncodedPush, Frame } from './frames.ts';
import { Hub, type BroadcastMessage } from './hub.ts';
import { parseJoinPayload, type JoinConfig } from './join-config.ts';
import type { RealtimeLimiter } from './limits.ts';
import type { PresenceDiff } from './presence.ts';

/** What a channel needs from its socket. */
export interface ChannelTransport {
  send(frame: Frame): void;
  sendBroadcast(topic: string, message: BroadcastMessage): void;
  /** A push encoded once and shared by every subscriber it goes to. */
  sendEncoded(topic: string, push: EncodedPush): void;
  /** The `apikey` JWT the socket connected with, already mapped from `sb_` keys. */
  readonly connectToken: string;
  detach(channel: Channel): void;
  readonly limiter: RealtimeLimiter;
}

/** Upstream re-checks the token at most every 5 minutes and at expiry (RT `realtime_channel.ex` `confirm_token`). */
const MAX_CONFIRM_MS = 5 * 60_000;

/** One joined `realtime:<name>` topic on one socket (RT `realtime_channel.ex`). */
export class Channel {
  readonly subTopic: string;
  serverTopic = '';
  config!: JoinConfig;
  claims!: Claims;
  private token = '';
  private presenceKey = '';
  private writeCache = new Map<Extension, Promise<boolean>>();
  private expiryTimer: NodeJS.Timeout | undefined;
  closed = false;

  constructor(
    readonly topic: string,
    readonly joinRef: string | null,
    private readonly transport: ChannelTransport,
    private readonly hub: Hub<Channel>,
  ) {
    this.subTopic = topic.slice('realtime:'.length);
  }

  get isPrivate(): boolean {
    return this.config.isPrivate;
  }

  /** Returns the join reply's `response`, or throws the `reason` string of an error reply. */
  async join(payload: unknown): Promise<{ postgres_changes: Record<string, unknown>[] }> {
    if (!this.subTopic) throw new JoinRefused('TopicNameRequired: You must provide a topic name');
    this.config = parseJoinPayload(payload);
    // An `sb_` access token means "keep the connection's claims" (RT PRs #1387/#1401).
    this.token = this.config.accessToken && !this.config.accessToken.startsWith('sb_') ? this.config.accessToken : this.transport.connectToken;
    try {
      this.claims = await verifyRealtimeToken(this.token, this.hub.keys.jwtSecret, this.hub.clock);
    } catch (error) {
      if (error instanceof TokenError) throw new JoinRefused(`${error.code}: ${error.channelMessage()}`);
      throw error;
    }
    this.serverTopic = Hub.serverTopic(this.subTopic, this.isPrivate);
    if (this.isPrivate) {
      const read = await readPermissions(this.hub.pool, this.subTopic, this.claims);
      if (!read.broadcast && !read.presence) throw new JoinRefused(`Unauthorized: You do not have permissions to read from this Channel topic: ${this.subTopic}`);
    }
    // An empty presence key becomes a server-generated id (RT uses a UUIDv1).
    this.presenceKey = this.config.presenceKey || crypto.randomUUID();
    this.hub.add(this);
    this.scheduleExpiry();
    return { postgres_changes: this.config.postgresChanges.map((binding) => ({ ...binding.params, id: binding.id })) };
  }

  /** After the ok reply: presence_state, then the asynchronous postgres_changes subscription. */
  afterJoin(): void {
    if (this.config.presenceEnabled) this.push('presence_state', this.hub.presenceOf(this.serverTopic).state());
    if (this.config.postgresChanges.length > 0) this.hub.changes.subscribe(this);
  }

  async handle(frame: Frame): Promise<void> {
    switch (frame.event) {
      case 'broadcast':
        return this.onBroadcast(frame);
      case 'presence':
        return this.onPresence(frame);
      case 'access_token':
        return this.onAccessToken(frame.payload);
      default:
        // Unknown events get no reply upstream either (`handle_in` catch-all counts, logs and ignores).
        this.transport.limiter.events.add();
        return;
    }
  }

  private async onBroadcast(frame: Frame): Promise<void> {
    const payload = (frame.payload ?? {}) as Record<string, unknown>;
    // Without write permission a private broadcast is dropped silently: ack clients time out.
    if (this.isPrivate && !(await this.mayWrite('broadcast'))) return;
    const limiter = this.transport.limiter;
    limiter.events.add();
    // Over the size limit RT drops the message; only an ack client hears of it (RT `broadcast_handler.ex`).
    if (limiter.payloadTooLarge(payload)) {
      if (this.config.broadcastAck) this.reply(frame, 'error', 'payload_size_exceeded');
      return;
    }
    if (typeof payload.event === 'string') {
      this.broadcastFromHere({ event: payload.event, payload: payload.payload ?? {} });
    }
    if (this.config.broadcastAck) this.reply(frame, 'ok', {});
  }

  private async onPresence(frame: Frame): Promise<void> {
    const payload = (frame.payload ?? {}) as Record<string, unknown>;
    const presence = this.hub.presenceOf(this.serverTopic);
    if (payload.event === 'untrack') {
      const diff = presence.untrack(this);
      if (diff) this.hub.fanOutPresence(this.serverTopic, diff);
      return this.reply(frame, 'ok', {});
    }
    if (payload.event !== 'track') return this.reply(frame, 'error', { reason: 'Unknown presence event' });
    const meta = payload.payload;
    if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return this.reply(frame, 'error', { reason: 'Presence track payload must be a map' });
    if (this.isPrivate && !(await this.mayWrite('presence'))) {
      return this.reply(frame, 'error', { reason: `Unauthorized: You do not have permissions to track presence on this Channel topic: ${this.subTopic}` });
    }
    if (this.transport.limiter.payloadTooLarge(meta)) return this.shutdown('Track message size exceeded');
    const diff = presence.track(this, this.presenceKey, meta as Record<string, unknown>);
    if (diff) this.hub.fanOutPresence(this.serverTopic, diff);
    this.reply(frame, 'ok', {});
  }

  /** Never replied to; `sb_` keys, null and the current token are ignored. */
  private async onAccessToken(payload: unknown): Promise<void> {
    const token = (payload as { access_token?: unknown } | null)?.access_token;
    if (typeof token !== 'string' || token === '' || token.startsWith('sb_') || token === this.token) return;
    let claims: Claims;
    try {
      claims = await verifyRealtimeToken(token, this.hub.keys.jwtSecret, this.hub.clock);
    } catch (error) {
      if (error instanceof TokenError) return this.shutdown(error.channelMessage());
      throw error;
    }
    if (this.closed) return;
    this.token = token;
    this.claims = claims;
    this.writeCache.clear();
    if (this.isPrivate) {
      const read = await readPermissions(this.hub.pool, this.subTopic, claims);
      if (!read.broadcast && !read.presence) return this.shutdown(`You no longer have permission to read from this Channel topic: ${this.subTopic}`);
    }
    this.scheduleExpiry();
  }

  private mayWrite(extension: Extension): Promise<boolean> {
    let cached = this.writeCache.get(extension);
    if (!cached) {
      cached = canWrite(this.hub.pool, this.subTopic, this.claims, extension).catch(() => false);
      this.writeCache.set(extension, cached);
    }
    return cached;
  }

  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const delay = Math.max(0, this.claims.exp * 1000 - this.hub.clock.nowMs());
    this.expiryTimer = setTimeout(() => {
      const now = Math.floor(this.hub.clock.nowMs() / 1000);
      if (this.claims.exp <= now) this.shutdown(`Token has expired ${now - this.claims.exp} seconds ago`);
      else this.scheduleExpiry();
    }, Math.min(delay + 50, MAX_CONFIRM_MS));
    this.expiryTimer.unref();
  }

  /** Terminal: a `system` error, then `phx_close`, so the client stops rejoining. */
  shutdown(message: string): void {
    if (this.closed) return;
    this.pushSystem('system', 'error', message);
    this.transport.send({ joinRef: this.joinRef, ref: this.joinRef, topic: this.topic, event: 'phx_close', payload: {} });
    this.dispose();
  }

  /** Leaves every registry; safe to call twice. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.expiryTimer);
    if (this.serverTopic) this.hub.remove(this);
    this.hub.changes.unsubscribe(this);
    this.transport.detach(this);
  }

  pushSystem(extension: string, status: 'ok' | 'error', message: string): void {
    this.push('system', { extension, status, message, channel: this.subTopic });
  }

  /** A push from the channel process: its join_ref, no ref. */
  push(event: string, payload: unknown): void {
    if (!this.closed) this.transport.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event, payload });
  }

  /** Fan-out frames carry `join_ref: null` so a rejoined client never drops them. */
  fanOut(event: string, payload: unknown): void {
    if (!this.closed) this.transport.send({ joinRef: null, ref: null, topic: this.topic, event, payload });
  }

  /** `fanOut` of a push encoded once for many channels. */
  fanOutEncoded(push: EncodedPush): void {
    if (!this.closed) this.transport.sendEncoded(this.topic, push);
  }

  /**
   * Every delivery counts towards the project's message rate; once the average is over it, the channel that
   * received the message is shut down after it (RT `message_dispatcher.ex` `:update_rate_counter`).
   */
  deliverBroadcast(message: BroadcastMessage): void {
    if (this.closed) return;
    this.transport.sendBroadcast(this.topic, message);
    const events = this.transport.limiter.events;
    events.add();
    if (events.triggered) this.shutdown('Too many messages per second');
  }

  /** `self=false` excludes this channel itself (`pubsub_broadcast_from`). */
  private broadcastFromHere(message: BroadcastMessage): void {
    for (const member of this.hub.members(this.serverTopic)) {
      if (member !== this || this.config.broadcastSelf) member.deliverBroadcast(message);
    }
  }

  pushPresenceDiff(diff: PresenceDiff): void {
    if (this.config.presenceEnabled) this.fanOut('presence_diff', diff);
  }

  private reply(frame: Frame, status: 'ok' | 'error', response: unknown): void {
    this.transport.send({ joinRef: frame.joinRef ?? this.joinRef, ref: frame.ref, topic: this.topic, event: 'phx_reply', payload: { status, response } });
  }
}

/** A join answered with `{"status":"error","response":{"reason": ...}}`. */
export class JoinRefused extends Error {
  override name = 'JoinRefused';
}
